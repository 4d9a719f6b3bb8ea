package io.tunelab.trainers.callback;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import io.tunelab.search.summary.Histogram;
import io.tunelab.search.summary.LoggedSummary;
import io.tunelab.search.summary.SummaryTag;
import io.tunelab.trainers.testing.LoggedSummaries;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(120)
class WeightHistogramsTest {
    @Test
    void everyNEpochsItLogsEachParameterAndTheLastGradientOfTheWatchedEpochUnderItsKerasName() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Linear layer = Linear.builder().setUnits(2).build();
            layer.initialize(manager, DataType.FLOAT32, new Shape(1, 3));
            Parameter weight = layer.getParameters().get("weight");
            Parameter bias = layer.getParameters().get("bias");
            FakeContext context = new FakeContext();
            context.gradients = Map.of(weight.getId(), new float[] {1, 2, 3, 4, 5, 6}, bias.getId(), new float[] {-1, 1});

            LoggedSummaries logged = LoggedSummaries.of(trial -> {
                WeightHistograms callback = new WeightHistograms(trial, new SequentialBlock().add(layer), 3);
                for (int epoch = 1; epoch <= 6; epoch++) {
                    callback.onEpochBegin(epoch, context);
                    callback.onEpochEnd(FakeContext.metrics(epoch, 1, 0.5), context);
                }
            });

            assertThat(context.watchedGradients).as("epochs 3 and 6").isEqualTo(2);
            assertThat(logged.tags()).extracting(SummaryTag::tag).containsExactlyInAnyOrder("dense/kernel_0", "dense/bias_0",
                    "dense/kernel_0_grad", "dense/bias_0_grad");
            assertThat(logged.of("dense/kernel_0_grad")).extracting(LoggedSummary::step).containsExactly(3L, 6L);
            Histogram w = (Histogram) logged.of("dense/kernel_0_grad").get(0).value();
            assertThat(w.num()).isEqualTo(6);
            assertThat(w.min()).isEqualTo(1);
            assertThat(w.max()).isEqualTo(6);
        }
    }
}
