package io.tunelab.trainers.djl.train;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.search.sampler.tpe.TpeOptions;
import io.tunelab.search.sampler.tpe.TpeSampler;
import io.tunelab.search.space.CategoricalDistribution;
import io.tunelab.search.space.Distribution;
import io.tunelab.search.space.FloatDistribution;
import io.tunelab.search.space.IntDistribution;
import io.tunelab.search.storage.InMemoryStorage;
import io.tunelab.search.study.OptimizeOptions;
import io.tunelab.search.study.Study;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.MetricPoint;
import io.tunelab.search.trial.TrialState;
import io.tunelab.trainers.callback.Monitor;
import io.tunelab.trainers.device.CpuThreads;
import io.tunelab.trainers.sources.SeriesDatasets;
import io.tunelab.trainers.sources.TrainingData;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The book's forecasting set-up (Géron, ch. 15): 10,000 synthetic series of 51 steps, 7,000 / 2,000 /
 * 1,000, predict the last step. Reports the naive forecast's MSE and runs a 20-trial TPE study over
 * {@code djl-rnn} (cell, layers, units, learning rate, optional Conv1D front end) with a 15-minute
 * budget; the trial chosen by validation MSE must reach a test MSE of at most 0.0030. The machine may be
 * shared, so the time target is checked on the training threads' CPU time (one PyTorch thread each): at
 * most 30 CPU-minutes, 15 minutes of 2 cores; the wall time and load average are reported beside it.
 * Writes its figures to {@code target/series-study.txt}. Slow: runs only with {@code -Dslow}.
 */
@Tag("slow")
class SyntheticSeriesStudyTest {
    @Test
    @Timeout(1500)
    void aTwentyTrialRnnStudyBeatsTheNaiveForecastAsTheBookReports() throws IOException {
        TrainingData data = SeriesDatasets.synthetic(10_000, 50, 1, 2_000, 1_000, 42);
        double naiveValid = SeriesDatasets.naiveMse(data.splits().valid());
        double naiveTest = SeriesDatasets.naiveMse(data.splits().test());
        Map<String, Distribution> space = Map.of(
                "cell", new CategoricalDistribution(List.of("simple", "lstm", "gru")),
                "rnn_layers", IntDistribution.uniform(1, 2),
                "rnn_units", IntDistribution.logUniform(10, 40),
                "learning_rate", new FloatDistribution(1e-3, 2e-2, true, 0),
                "conv1d_filters", new CategoricalDistribution(List.of(0, 20)));
        Map<String, Object> fixed = Map.of("model", "rnn", "epochs", 12, "batch_size", 32, "optimizer", "adam",
                "patience", 3);
        CpuThreads.setIntraOp(1);
        Study study = Study.builder("series-rnn").storage(new InMemoryStorage()).direction(Direction.MINIMIZE).seed(7)
                .sampler(streams -> new TpeSampler(streams, TpeOptions.defaults().withStartupTrials(6))).create();
        long start = System.nanoTime();
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();

        study.optimize(new DjlObjective(data, DjlObjectiveConfig.mlp(space, fixed).withMonitor(Monitor.of("val_loss"))
                .withCheckpoint(false)), OptimizeOptions.trials(20).withTimeout(Duration.ofMinutes(15)));

        double minutes = (System.nanoTime() - start) / 60e9;
        double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        FrozenTrial best = study.bestTrial();
        double testRmse = ((Number) ((Map<?, ?>) best.userAttrs().get("test_evaluation")).get("rmse")).doubleValue();
        List<FrozenTrial> trials = study.trials(EnumSet.allOf(TrialState.class));
        long complete = trials.stream().filter(t -> t.state() == TrialState.COMPLETE).count();
        double cpuMinutes = trials.stream().flatMap(t -> study.storage().metrics(t.id(), "cpu_time").stream())
                .mapToDouble(MetricPoint::value).sum() / 60;
        String report = String.format(Locale.ROOT, "naive MSE valid %.5f test %.5f%n%d trials complete in %.1f min wall,"
                        + " %.1f CPU-minutes of training (load average %.1f before, %.1f after, %d cores)%n"
                        + "best trial %d val MSE %.5f test MSE %.5f %s %s%n",
                naiveValid, naiveTest, complete, minutes, cpuMinutes, loadBefore, loadAfter,
                Runtime.getRuntime().availableProcessors(), best.number(), best.value(), testRmse * testRmse,
                best.userAttrs().get("architecture"), best.params());
        Files.writeString(Path.of("target", "series-study.txt"), report);

        assertThat(naiveTest).isBetween(0.015, 0.025);
        assertThat(testRmse * testRmse).as(report).isLessThanOrEqualTo(0.0030);
        assertThat(cpuMinutes).as(report).isLessThanOrEqualTo(30);
    }
}
