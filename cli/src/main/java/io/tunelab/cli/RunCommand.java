package io.tunelab.cli;

import io.tunelab.cli.error.CliException;
import io.tunelab.cli.query.StorageUrlOption;
import io.tunelab.cli.run.HeartbeatOptions;
import io.tunelab.cli.run.RunSummary;
import io.tunelab.cli.run.SlotPlan;
import io.tunelab.cli.run.StorageUrls;
import io.tunelab.cli.run.StudyFileChanges;
import io.tunelab.cli.run.StudyFiles;
import io.tunelab.cli.run.StudyRunner;
import io.tunelab.cli.wiring.Wiring;
import io.tunelab.cli.wiring.EffectiveConfiguration;
import io.tunelab.cli.wiring.TribuoTrainers;
import io.tunelab.spec.SpecValidationException;
import io.tunelab.spec.StudySpec;
import io.tunelab.spec.StudySpecParser;
import io.tunelab.search.exec.SlotPool;
import io.tunelab.search.storage.TrialStorage;
import io.tunelab.search.study.MultiObjective;
import io.tunelab.search.study.Study;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tunelab run STUDY_FILE}: validates a study file, checks it against its trainer and runs the
 * study. With {@code --dry-run} it prints the parsed space, the effective configuration of a few
 * sampled trials and the parameters fixed in all of them instead, training nothing.
 * Exit codes: 0 success, 2 invalid input (every problem printed as {@code file:line:column: path: message}; the
 * problems the trainer's checks find, once the file itself is valid, each located at the field it names),
 * 1 runtime failure, including a run that ends with failed trials and no COMPLETE one.
 * A file whose study exists may change its run settings ({@link StudyFileChanges#SAFE}) and its {@code space} (said in a
 * notice, see {@link StudyRunner#spaceChange}); anything else is refused unless {@code --replace-file}.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Validate a study file and run the study.",
                "With --dry-run: validate, print the search space, sampled configurations and fixed parameters,"
                        + " train nothing."})
final class RunCommand implements Callable<Integer> {
    static final int MAX_SAMPLES = 1000;

    @Parameters(index = "0", paramLabel = "STUDY_FILE", description = "the study file (YAML)")
    Path file;

    @Option(names = "--dry-run", description = "validate and preview only: nothing is trained or stored")
    boolean dryRun;

    @Option(names = "--samples", paramLabel = "N", defaultValue = "5",
            description = "configurations to sample in a dry run (default: ${DEFAULT-VALUE})")
    int samples;

    @Option(names = "--replace-file", description = "resume an existing study with this file even when it changes more"
            + " than budget, parallel, heartbeat, fail_fast and space (data, sampler, ...)")
    boolean replaceFile;

    @Spec
    CommandSpec spec;

    @Mixin
    StorageUrlOption storage;

    @Mixin
    HeartbeatOptions heartbeat;

    private final StudySpecParser parser;
    private final Wiring wiring;

    RunCommand(Wiring wiring) {
        this(new StudySpecParser(TribuoTrainers.specCatalog()), wiring);
    }

    RunCommand(StudySpecParser parser, Wiring wiring) {
        this.parser = parser;
        this.wiring = wiring;
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (samples < 1 || samples > MAX_SAMPLES) {
            err.println("tunelab run: --samples must be from 1 to " + MAX_SAMPLES + ", got " + samples);
            return ExitCodes.INVALID_INPUT;
        }
        StudySpec study;
        try {
            study = parser.parse(file);
        } catch (SpecValidationException e) {
            return invalid(err, e, "in " + file, "nothing was run");
        }
        PrintWriter out = spec.commandLine().getOut();
        EffectiveConfiguration configuration;
        try {
            configuration = StudyFiles.check(study, readText(file), file.toString(), wiring.trainers());
        } catch (SpecValidationException e) {
            return invalid(err, e, "in " + file + " for its trainer", "nothing was run");
        }
        if (dryRun) {
            Optional<String> spaceChange = checkResumable(study, file);
            new DryRun(study, configuration, file.toString()).print(out, samples, spaceChange);
            out.flush();
            return ExitCodes.OK;
        }
        try (TrialStorage store = wiring.openStorage(heartbeat.apply(storage.access(), study.heartbeat()))) {
            StudyRunner runner = new StudyRunner(study, readText(file), store, wiring.trainers(), wiring.devices())
                    .resumedBy("run it again (tunelab run " + StorageUrls.shellQuoted(file.toString()) + ")");
            runner.checkResumable();
            refuseUnsafeChanges(store, study, file);
            SlotPlan plan = runner.plan();
            runner.dataSource().ifPresent(out::println);
            out.flush();
            MultiObjective objective = runner.objective(plan);
            SlotPool slots = plan.slots();
            Study created = runner.create(slots.size() > 1);
            long deadline = study.budget().timeout() == null ? 0
                    : System.currentTimeMillis() + study.budget().timeout().toMillis();
            Study done = runner.run(created, objective, slots, deadline, out, System.console() != null);
            RunSummary.print(out, done, storage.url());
            Optional<String> failedFast = RunSummary.failedFast(done);
            if (failedFast.isPresent()) {
                err.println("tunelab run: " + failedFast.get());
                err.flush();
                return ExitCodes.RUNTIME_FAILURE;
            }
            Optional<String> nothingCompleted = RunSummary.nothingCompleted(done);
            if (nothingCompleted.isPresent()) {
                err.println("tunelab run: " + nothingCompleted.get());
                err.flush();
                return ExitCodes.RUNTIME_FAILURE;
            }
        }
        return ExitCodes.OK;
    }

    /**
     * For a dry run: refuses what {@code run} would refuse of a study that already exists in the storage (another metric,
     * trainer, direction or kind of parameter), reading the storage read-only; a storage that holds no tracker yet, or
     * cannot be read, holds no study to compare with, and nothing is created.
     *
     * @return the notice {@code run} would give that the study resumes with a changed search space ({@link
     *         StudyRunner#spaceChange}), or empty
     */
    private Optional<String> checkResumable(StudySpec study, Path file) {
        TrialStorage store;
        try {
            store = wiring.openStorageForReading(heartbeat.apply(storage.access(), study.heartbeat()));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        try (store) {
            StudyRunner runner = new StudyRunner(study, readText(file), store, wiring.trainers(), wiring.devices());
            runner.checkResumable();
            refuseUnsafeChanges(store, study, file);
            return runner.spaceChange();
        }
    }

    /**
     * Refuses a file that changes more than {@code run} may in its existing study, unless {@code --replace-file}; asked
     * after {@link StudyRunner#checkResumable}, whose refusals (another metric, trainer, direction) no flag lifts.
     */
    private void refuseUnsafeChanges(TrialStorage store, StudySpec study, Path file) {
        if (!replaceFile) {
            StudyFileChanges.refuseUnsafe(store, study.study(), readText(file), Set.of("space"), "--replace-file");
        }
    }

    /**
     * Prints every problem of an invalid study file, one line each ({@code file:line:column: path: message}), and
     * {@code N problems WHERE; OUTCOME}.
     *
     * @return {@link ExitCodes#INVALID_INPUT}
     */
    static int invalid(PrintWriter err, SpecValidationException e, String where, String outcome) {
        e.problems().forEach(p -> err.println(p.format()));
        int n = e.problems().size();
        err.println(n + (n == 1 ? " problem " : " problems ") + where + "; " + outcome);
        err.flush();
        return ExitCodes.INVALID_INPUT;
    }

    static String readText(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new CliException("cannot read " + file + ": " + e.getMessage());
        }
    }
}
