package io.tunelab.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.search.storage.InMemoryStorage;
import io.tunelab.search.storage.TrialStorage;
import io.tunelab.search.study.OptimizeOptions;
import io.tunelab.search.study.Study;
import io.tunelab.search.trial.ArtifactRef;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.TrialState;
import io.tunelab.tracker.liveness.RetryPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(120)
class InterruptedTrialsTest {
    private final InMemoryStorage storage = new InMemoryStorage();
    private final Study study = Study.builder("s").storage(storage).direction(Direction.MINIMIZE).seed(1).create();

    @TempDir
    Path dir;

    private FrozenTrial failed(String message, Map<String, Object> attrs) {
        FrozenTrial t = storage.createRunningTrial(study.studyId());
        attrs.forEach((k, v) -> storage.setSystemAttr(t.id(), k, v));
        storage.finishTrial(t.id(), TrialState.FAIL, List.of(), message);
        return t;
    }

    private List<FrozenTrial> waiting() {
        return storage.trials(study.studyId(), EnumSet.of(TrialState.WAITING));
    }

    @Test
    void anInterruptedTrialIsRetriedOnceWithinThePolicyAndOtherFailuresAreNot() {
        storage.setStudySystemAttr(study.studyId(), RetryPolicy.ATTR, new RetryPolicy(3).toAttr());
        FrozenTrial byTheHook = failed(StudyRunner.INTERRUPTED, Map.of("retry_count", 1));
        FrozenTrial byTheStorage = failed("interrupted: the process exited (Ctrl-C or kill) before this trial ended", Map.of());
        failed(StudyRunner.INTERRUPTED, Map.of("retry_count", 3));
        failed("objective threw: bad input", Map.of());

        assertThat(InterruptedTrials.retry(storage, study)).containsExactly(byTheHook.number(), byTheStorage.number());
        assertThat(InterruptedTrials.retry(storage, study)).as("already retried").isEmpty();

        assertThat(waiting()).extracting(t -> t.systemAttrs().get(TrialStorage.RETRY_OF), t -> t.systemAttrs().get("retry_count"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple(byTheHook.number(), 2),
                        org.assertj.core.groups.Tuple.tuple(byTheStorage.number(), 1));
    }

    @Test
    void anInterruptedTrialTheStorageAlreadyRetriedIsReportedWhileItsRetryWaitsAndNotEnqueuedTwice() {
        storage.setStudySystemAttr(study.studyId(), RetryPolicy.ATTR, new RetryPolicy(3).toAttr());
        FrozenTrial retried = failed(StudyRunner.INTERRUPTED, Map.of("retried_by", 1, TrialStorage.SUPERSEDED, true));
        FrozenTrial retry = storage.createWaitingTrial(study.studyId(), Map.of(), Map.of(TrialStorage.RETRY_OF, retried.number()));
        assertThat(retry.number()).isEqualTo(1);

        assertThat(InterruptedTrials.retry(storage, study)).containsExactly(retried.number());
        assertThat(waiting()).hasSize(1);
    }

    @Test
    void theStoppedRunSaysWhichTrialsAreRetriedAndWhichAreNotAndHowToResumeWhatTheUserRan() {
        java.io.StringWriter said = new java.io.StringWriter();
        StudyRunner.sayStopped(List.of(3, 4), List.of(4), "run it again (tunelab run study.yaml)", new java.io.PrintWriter(said));

        assertThat(said.toString()).contains("Stopped: trial(s) [3, 4] recorded as FAIL, interrupted. Within the study's"
                + " max_retries, retries of [3] with the same parameters are enqueued").contains("[4] not retried")
                .contains("To resume, run it again (tunelab run study.yaml).").doesNotContain("Run the file again");
    }

    @Test
    void withoutARetryPolicyNothingIsRetried() {
        failed(StudyRunner.INTERRUPTED, Map.of());

        assertThat(InterruptedTrials.retry(storage, study)).isEmpty();
        assertThat(waiting()).isEmpty();
    }

    @Test
    void theNextRunsRetryOfATrialCtrlCEndedFindsTheCheckpointItLeft() throws Exception {
        storage.setStudySystemAttr(study.studyId(), RetryPolicy.ATTR, new RetryPolicy(3).toAttr());
        Path checkpoint = Files.writeString(dir.resolve("ckpt"), "after epoch 5");
        CountDownLatch saved = new CountDownLatch(1);
        Thread run = new Thread(() -> study.optimize(trial -> {
            trial.logArtifact("resume.ckpt", checkpoint);
            saved.countDown();
            Thread.sleep(60_000);
            return 0;
        }, OptimizeOptions.trials(1)));
        run.setDaemon(true);
        run.start();
        assertThat(saved.await(30, TimeUnit.SECONDS)).isTrue();
        study.abandonRunning(StudyRunner.INTERRUPTED); // what Ctrl-C's hook does
        run.interrupt();
        run.join(30_000);

        Study again = Study.builder("s").storage(storage).direction(Direction.MINIMIZE).seed(1).load(); // the next run
        assertThat(InterruptedTrials.retry(storage, again)).containsExactly(0);
        AtomicReference<List<ArtifactRef>> found = new AtomicReference<>();
        again.optimize(trial -> {
            found.set(trial.retriedArtifacts("resume.ckpt"));
            return 1;
        }, OptimizeOptions.studyBudget(1));

        assertThat(found.get()).singleElement().satisfies(a -> assertThat(Path.of(a.uri())).hasContent("after epoch 5"));
        assertThat(again.trials()).extracting(FrozenTrial::state).containsExactly(TrialState.FAIL, TrialState.COMPLETE);
    }
}
