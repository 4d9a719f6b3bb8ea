package io.tunelab.cli;

import io.tunelab.cli.query.StorageUrlOption;
import io.tunelab.cli.run.HeartbeatOptions;
import io.tunelab.cli.run.SlotPlan;
import io.tunelab.cli.run.StudyDeletedException;
import io.tunelab.cli.run.StudyWorker;
import io.tunelab.cli.wiring.Wiring;
import io.tunelab.search.exec.SlotPool;
import io.tunelab.spec.SpecValidationException;
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

    @Option(names = "--slots", paramLabel = "LIST", converter = SlotListConverter.class,
            description = "execution slots on this machine, e.g. cpu:0,cpu:1 or gpu:0 (default: the study file's parallel section)")
    SlotPool slots;

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
        TrackerLocation.localArtifactsWarning(storage.url(), System.getenv("TUNELAB_ARTIFACTS")).ifPresent(warning -> {
            spec.commandLine().getErr().println(warning);
            spec.commandLine().getErr().flush();
        });
        StudyWorker.Outcome done;
        try {
            done = new StudyWorker(wiring, storage.access(), file -> heartbeat.apply(storage.access(), file))
                    .work(study, runner -> slots == null ? runner.plan() : SlotPlan.of(slots, wiring.devices(), "--slots"),
                            out, System.console() != null);
        } catch (SpecValidationException e) {
            return RunCommand.invalid(spec.commandLine().getErr(), e, "in the study file stored with '" + study + "'",
                    "no trial was run");
        } catch (StudyDeletedException e) {
            spec.commandLine().getErr().println("worker: " + e.getMessage());
            spec.commandLine().getErr().flush();
            return ExitCodes.RUNTIME_FAILURE;
        }
        out.println("Worker done: study '" + study + "' has " + done.trials() + " trials.");
        out.flush();
        if (done.stoppedEarly().isPresent()) {
            spec.commandLine().getErr().println("tunelab worker: " + done.failedFast());
            spec.commandLine().getErr().flush();
            return ExitCodes.RUNTIME_FAILURE;
        }
        return ExitCodes.OK;
    }
}
