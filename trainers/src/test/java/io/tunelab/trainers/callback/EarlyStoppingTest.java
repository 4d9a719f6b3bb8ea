package io.tunelab.trainers.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunelab.trainers.TrainersException;
import org.junit.jupiter.api.Test;

class EarlyStoppingTest {
    private static void epochs(EarlyStopping es, FakeContext ctx, double... valLosses) {
        for (int i = 0; i < valLosses.length; i++) {
            ctx.epoch = i + 1;
            es.onEpochEnd(FakeContext.metrics(i + 1, valLosses[i], 0.5), ctx);
        }
    }

    @Test
    void stopsAfterPatienceEpochsWithoutAnImprovementLargerThanMinDelta() {
        EarlyStopping es = new EarlyStopping(Monitor.of("val_loss"), 2, 0.05, false);
        FakeContext ctx = new FakeContext();

        epochs(es, ctx, 1.0, 0.8, 0.79, 0.78);

        assertThat(ctx.stops).hasSize(1);
        assertThat(ctx.stops.get(0)).contains("val_loss did not improve by more than 0.05 for 2 epoch(s); best 0.8 at epoch 2");
        assertThat(es.bestEpoch()).isEqualTo(2);
    }

    @Test
    void anImprovementResetsThePatience() {
        EarlyStopping es = new EarlyStopping(Monitor.of("val_loss"), 2, 0, false);
        FakeContext ctx = new FakeContext();

        epochs(es, ctx, 1.0, 1.1, 0.9, 1.0);

        assertThat(ctx.stops).isEmpty();
    }

    @Test
    void restoresTheBestEpochsWeightsWhenTrainingEnds() {
        EarlyStopping es = new EarlyStopping(Monitor.of("val_loss"), 5, 0, true);
        FakeContext ctx = new FakeContext();
        epochs(es, ctx, 1.0, 0.7, 0.9);

        es.onTrainEnd(new TrainingEnd(3, null, null), ctx);

        assertThat(ctx.snapshots).containsExactly(1, 2);
        assertThat(ctx.restores).isEqualTo(1);
    }

    @Test
    void doesNotRestoreWhenTheLastEpochWasTheBestOrTrainingFailed() {
        EarlyStopping es = new EarlyStopping(Monitor.of("val_accuracy"), 5, 0, true);
        FakeContext ctx = new FakeContext();
        for (int e = 1; e <= 3; e++) {
            ctx.epoch = e;
            es.onEpochEnd(FakeContext.metrics(e, 1, 0.5 + e / 10.0), ctx);
        }
        es.onTrainEnd(new TrainingEnd(3, null, null), ctx);
        EarlyStopping failing = new EarlyStopping(Monitor.of("val_loss"), 5, 0, true);
        epochs(failing, ctx, 1.0, 2.0);
        failing.onTrainEnd(new TrainingEnd(2, null, new IllegalStateException("boom")), ctx);

        assertThat(ctx.restores).isZero();
    }

    @Test
    void rejectsAPatienceBelowOne() {
        assertThatThrownBy(() -> new EarlyStopping(Monitor.of("val_loss"), 0, 0, true))
                .isInstanceOf(TrainersException.class).hasMessageContaining("got 0");
    }
}
