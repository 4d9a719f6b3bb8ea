package io.tunelab.trainers.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunelab.search.storage.StorageException;
import io.tunelab.search.trial.TrialPrunedException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallbacksTest {
    private final List<String> calls = new ArrayList<>();
    private final FakeContext ctx = new FakeContext();

    private TrainingCallback recording(String name) {
        return new TrainingCallback() {
            @Override
            public void onEpochEnd(EpochMetrics metrics, TrainingContext context) {
                calls.add(name + ".epoch" + metrics.epoch());
            }

            @Override
            public void onTrainEnd(TrainingEnd end, TrainingContext context) {
                calls.add(name + ".end");
            }
        };
    }

    private static TrainingCallback throwingOnEpochEnd(RuntimeException e) {
        return new TrainingCallback() {
            @Override
            public void onEpochEnd(EpochMetrics metrics, TrainingContext context) {
                throw e;
            }

            @Override
            public void onTrainEnd(TrainingEnd end, TrainingContext context) {
                throw e;
            }
        };
    }

    @Test
    void aCallbackThatFailsOtherwiseIsLoggedAndTheOthersStillRun() {
        Callbacks callbacks = new Callbacks(List.of(recording("a"),
                throwingOnEpochEnd(new IllegalStateException("storage unavailable")), recording("b")));

        callbacks.onEpochEnd(FakeContext.metrics(1, 1, 0.5), ctx);
        callbacks.onTrainEnd(new TrainingEnd(1, null, null), ctx);

        assertThat(calls).containsExactly("a.epoch1", "b.epoch1", "a.end", "b.end");
    }

    @Test
    void aCallbackThatCannotRecordToAnEndedTrialIsWarnedInOneLineWithoutAStackTrace() {
        Callbacks callbacks = new Callbacks(List.of(
                throwingOnEpochEnd(StorageException.conflict("trial 19 is FAIL and can no longer be changed")),
                recording("b")));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream stderr = System.err;
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            callbacks.onEpochEnd(FakeContext.metrics(1, 1, 0.5), ctx);
            callbacks.onTrainEnd(new TrainingEnd(1, null, null), ctx);
        } finally {
            System.setErr(stderr);
        }

        String warnings = err.toString(StandardCharsets.UTF_8);
        assertThat(warnings).contains("could not record in onEpochEnd; ignored: trial 19 is FAIL and can no longer be changed")
                .contains("could not record in onTrainEnd").doesNotContain("\tat ").doesNotContain("Exception:");
        assertThat(calls).containsExactly("b.epoch1", "b.end");
    }

    @Test
    void pruningStopsTheEventAtOnce() {
        Callbacks callbacks = new Callbacks(List.of(recording("a"),
                throwingOnEpochEnd(new TrialPrunedException("pruned")), recording("b")));

        assertThatThrownBy(() -> callbacks.onEpochEnd(FakeContext.metrics(1, 1, 0.5), ctx))
                .isInstanceOf(TrialPrunedException.class);
        assertThat(calls).containsExactly("a.epoch1");
    }

    @Test
    void aStoppingExceptionPropagates() {
        Callbacks callbacks = new Callbacks(List.of(throwingOnEpochEnd(new TrainingDivergedException("nan")), recording("b")));

        assertThatThrownBy(() -> callbacks.onEpochEnd(FakeContext.metrics(1, 1, 0.5), ctx))
                .isInstanceOf(TrainingDivergedException.class).hasMessage("nan");
        assertThat(calls).isEmpty();
    }
}
