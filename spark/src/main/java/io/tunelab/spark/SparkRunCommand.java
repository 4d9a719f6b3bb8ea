package io.tunelab.spark;

import io.tunelab.cli.error.CliException;
import io.tunelab.cli.query.StorageUrlOption;
import io.tunelab.cli.run.HeartbeatOptions;
import io.tunelab.cli.run.RunSummary;
import io.tunelab.cli.run.StudyRunner;
import io.tunelab.cli.run.StudyWorker;
import io.tunelab.cli.wiring.StorageAccess;
import io.tunelab.cli.wiring.Wiring;
import io.tunelab.search.storage.TrialStorage;
import io.tunelab.search.study.Study;
import io.tunelab.spec.SpecValidationException;
import io.tunelab.spec.StudySpec;
import io.tunelab.spec.StudySpecParser;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaSparkContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tunelab-spark.jar run STUDY_FILE --storage URL --parallelism N}: creates the study (or loads it to
 * resume) on the driver, runs N Spark tasks that each run the worker loop of {@code tunelab worker}, then
 * prints what {@code tunelab run} prints. Exit codes as {@code tunelab run}'s: 0 success, 2 invalid input,
 * 1 runtime failure (the study stopped on {@code fail_fast}, the Spark job failed).
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Create (or resume) a study and run its trials in Spark tasks until its budget is met.")
final class SparkRunCommand implements Callable<Integer> {
    static final int OK = 0;
    static final int RUNTIME_FAILURE = 1;
    static final int INVALID_INPUT = 2;

    @Parameters(index = "0", paramLabel = "STUDY_FILE", description = "the study file (YAML)")
    Path file;

    @Option(names = "--parallelism", paramLabel = "N",
            description = "Spark tasks, each a worker (default: the cluster's default parallelism)")
    Integer parallelism;

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master when not launched by spark-submit, e.g. local[2] or spark://host:7077")
    String master;

    @Option(names = "--debug", description = "Show stack traces of errors.")
    boolean debug;

    @Mixin
    StorageUrlOption storage;

    @Mixin
    HeartbeatOptions heartbeat;

    @Spec
    CommandSpec spec;

    private final Wiring wiring;

    SparkRunCommand(Wiring wiring) {
        this.wiring = wiring;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        StudySpec study;
        try {
            study = new StudySpecParser().parse(file);
        } catch (SpecValidationException e) {
            e.problems().forEach(p -> err.println(p.format()));
            int n = e.problems().size();
            err.println(n + (n == 1 ? " problem" : " problems") + " in " + file + "; nothing was run");
            err.flush();
            return INVALID_INPUT;
        }
        StorageAccess access = heartbeat.apply(storage.access(), study.heartbeat());
        StudyFileTask.of(access, study.study(), null); // refuses a storage the executors cannot reach, before anything runs
        try (TrialStorage store = wiring.openStorage(access)) {
            StudyRunner runner = new StudyRunner(study, text(file), store, wiring.trainers(), wiring.devices());
            runner.configuration();
            runner.create(true);
        }
        List<StudyWorker.Outcome> outcomes;
        try (JavaSparkContext spark = context()) {
            int tasks = parallelism == null ? spark.defaultParallelism() : parallelism;
            out.println("Running study '" + study.study() + "' in " + tasks + " Spark task(s) on " + spark.master() + ".");
            out.flush();
            StudyFileTask task = StudyFileTask.of(access, study.study(), spark.getConf().get(StudyFileTask.WIRING, null));
            outcomes = SparkTasks.run(spark, tasks, "the study's task", task);
        }
        try (TrialStorage store = wiring.openStorage(access)) {
            Study done = new StudyRunner(study, text(file), store, wiring.trainers(), wiring.devices()).load(true);
            RunSummary.print(out, done, storage.url());
            Optional<String> failedFast = outcomes.stream().flatMap(o -> o.stoppedEarly().stream()).findFirst()
                    .or(() -> RunSummary.failedFast(done));
            if (failedFast.isPresent()) {
                err.println("tunelab-spark run: " + failedFast.get());
                err.flush();
                return RUNTIME_FAILURE;
            }
        }
        return OK;
    }

    /** The context spark-submit configured, else one on {@code --master}. */
    private JavaSparkContext context() {
        SparkConf conf = new SparkConf().setAppName("tunelab " + file.getFileName());
        if (master != null) {
            conf.setMaster(master);
        } else if (!conf.contains("spark.master")) {
            throw new CliException("--master: not launched by spark-submit, so name the Spark master, e.g. --master local[2]"
                    + " or --master spark://host:7077");
        }
        return JavaSparkContext.fromSparkContext(SparkContext.getOrCreate(conf));
    }

    private static String text(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new CliException("cannot read " + file + ": " + e.getMessage());
        }
    }
}
