package io.tunelab.cli.run;

import io.tunelab.cli.wiring.StorageAccess;
import io.tunelab.cli.wiring.Wiring;
import io.tunelab.search.exec.SlotPool;
import io.tunelab.search.storage.StorageException;
import io.tunelab.search.storage.StudyRecord;
import io.tunelab.search.storage.TrialStorage;
import io.tunelab.search.study.MultiObjective;
import io.tunelab.search.study.Study;
import io.tunelab.spec.HeartbeatSpec;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The worker loop of {@code tunelab worker} and of every Spark task: joins a study created from a
 * study file, rebuilds its objective from the file stored with it, and runs ask → train → tell until
 * the study as a whole has its budget of trials (waiting while other workers' trials may still need a
 * retry) or its deadline passes. One worker, one call; any number of them share a study.
 *
 * @param wiring    opens the storage and names the trainers
 * @param access    where the study lives
 * @param heartbeat the heartbeat to use given the study file's section (which may be null)
 */
public record StudyWorker(Wiring wiring, StorageAccess access, Function<HeartbeatSpec, StorageAccess> heartbeat) {

    /** A worker using the study file's heartbeat, or the default one. */
    public static StudyWorker of(Wiring wiring, StorageAccess access) {
        return new StudyWorker(wiring, access, file -> {
            HeartbeatSpec h = file == null ? HeartbeatSpec.DEFAULT : file;
            return access.withHeartbeat(h.interval(), h.grace());
        });
    }

    /**
     * Joins {@code study} and runs trials on the slots {@code plan} chooses from the study file's
     * {@code parallel} section (and this machine's devices) until the study is done.
     *
     * @return how many trials the study had when this worker left, and why it stopped early, if it did
     * @throws StorageException NOT_FOUND when there is no study of that name
     * @throws StudyDeletedException when the study is deleted while this worker runs it ({@code tunelab delete --force})
     * @throws io.tunelab.spec.SpecValidationException every problem of the study file stored with it, located in the
     *                                                 file, as {@code tunelab run} reports a file's problems
     */
    public Outcome work(String study, Function<StudyRunner, SlotPlan> plan, PrintWriter out, boolean terminal) {
        StudyRecord record;
        StudyFiles file;
        // The study file (and so its heartbeat) is stored with the study: read it, then open with its heartbeat.
        try (TrialStorage lookup = wiring.openExistingStorage(access)) {
            record = lookup.findStudy(study).orElseThrow(() -> StorageException.notFound(
                    "no study named '" + study + "' in " + StorageUrls.redacted(access.url()) + "; create it with `tunelab create FILE`"));
            file = StudyFiles.checked(record, wiring.trainers());
        }
        try (TrialStorage store = wiring.openExistingStorage(heartbeat.apply(file.spec().heartbeat()))) {
            StudyRunner runner = new StudyRunner(file.spec(), file.text(), store, wiring.trainers(), wiring.devices())
                    .resumedBy("start a worker again (" + StorageUrls.workerCommand(access, study) + ")");
            SlotPlan slots = plan.apply(runner);
            Map<Thread, Integer> lastTrials = new ConcurrentHashMap<>();
            MultiObjective trained = runner.objective(slots);
            MultiObjective objective = trial -> {
                lastTrials.put(Thread.currentThread(), trial.number());
                return trained.evaluate(trial);
            };
            SlotPool pool = slots.slots();
            Study joined = runner.load(true);
            Object deadline = record.systemAttrs().get(StudyRunner.DEADLINE);
            Study done;
            try {
                done = runner.run(joined, objective, pool, deadline instanceof Number n ? n.longValue() : 0, out, terminal);
            } catch (RuntimeException e) {
                if (store.findStudy(study).isEmpty()) {
                    // the trial that failed already left the study's running list: name each slot's last trial
                    throw new StudyDeletedException(study, List.copyOf(new TreeSet<>(lastTrials.values())), e);
                }
                throw e;
            }
            return new Outcome(done.trials().size(), RunSummary.failedFast(done).orElse(null));
        }
    }

    /**
     * What a worker saw when it left.
     *
     * @param trials     the study's trials, of every worker
     * @param failedFast the lines to print when the study stopped on {@code fail_fast} (see {@link RunSummary#failedFast}),
     *                   or null (a plain value, so that Spark can send the outcome back from a task)
     */
    public record Outcome(int trials, String failedFast) implements java.io.Serializable {
        /** Why the study stopped before its budget, if it did. */
        public Optional<String> stoppedEarly() {
            return Optional.ofNullable(failedFast);
        }
    }
}
