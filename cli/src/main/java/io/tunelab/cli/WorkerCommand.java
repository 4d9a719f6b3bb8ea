package io.tunelab.cli;

import io.tunelab.cli.query.StorageUrlOption;
import io.tunelab.cli.run.HeartbeatOptions;
import io.tunelab.cli.run.StudyFiles;
import io.tunelab.cli.run.SlotPlan;
import io.tunelab.cli.run.StudyRunner;
import io.tunelab.cli.wiring.Wiring;
import io.tunelab.search.exec.SlotPool;
import io.tunelab.search.storage.StorageException;
import io.tunelab.search.storage.StudyRecord;
import io.tunelab.search.storage.TrialStorage;
import io.tunelab.search.study.Objective;
import io.tunelab.search.study.Study;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code tunelab worker --storage URL --study NAME}: joins a study created with {@code tunelab create}
 * (or {@code run}) and loops ask → train → tell until the study as a whole has its budget of trials
 * or its deadline passes, then exits 0. Any number of workers on any number of machines may join.
 */
@Command(name = "worker", mixinStandardHelpOptions = true,
        description = "Join a study and run its trials until the study's budget is met.")
final class WorkerCommand implements Callable<Integer> {

    @Option(names = "--study", required = true, paramLabel = "NAME", description = "the study to join")
    String study;

    @Option(names = "--slots", paramLabel = "LIST",
            description = "execution slots on this machine, e.g. cpu:0,cpu:1 or gpu:0 (default: the study file's parallel section)")
    String slots;

    @Mixin
    StorageUrlOption storage;

    @Mixin
    HeartbeatOptions heartbeat;

    @Spec
    CommandSpec spec;

    private final Wiring wiring;

    WorkerCommand(Wiring wiring) {
        this.wiring = wiring;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        StudyRecord record;
        StudyFiles file;
        // The study file (and so its heartbeat) is stored with the study: read it, then open with its heartbeat.
        try (TrialStorage lookup = wiring.openStorage(storage.access())) {
            record = lookup.findStudy(study).orElseThrow(() -> StorageException.notFound(
                    "no study named '" + study + "' in " + storage.url() + "; create it with `tunelab create FILE`"));
            file = StudyFiles.of(record, wiring.trainers());
        }
        try (TrialStorage store = wiring.openStorage(heartbeat.apply(storage.access(), file.spec().heartbeat()))) {
            StudyRunner runner = new StudyRunner(file.spec(), file.text(), store, wiring.trainers(), wiring.devices());
            SlotPlan plan = slots == null ? runner.plan() : SlotPlan.of(SlotPool.parse(slots), wiring.devices());
            Objective objective = runner.objective(plan);
            SlotPool pool = plan.slots();
            Study joined = runner.load(true);
            Object deadline = record.systemAttrs().get(StudyRunner.DEADLINE);
            runner.run(joined, objective, pool, deadline instanceof Number n ? n.longValue() : 0, out,
                    System.console() != null);
            out.println("Worker done: study '" + study + "' has " + joined.trials().size() + " trials.");
            out.flush();
            if (StudyRunner.failedFast(joined).isPresent()) {
                spec.commandLine().getErr().println("tunelab worker: " + StudyRunner.failedFast(joined).get());
                spec.commandLine().getErr().flush();
                return ExitCodes.RUNTIME_FAILURE;
            }
        }
        return ExitCodes.OK;
    }
}
