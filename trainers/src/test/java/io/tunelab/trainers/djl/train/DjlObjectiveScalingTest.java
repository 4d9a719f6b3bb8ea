package io.tunelab.trainers.djl.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tunelab.search.storage.InMemoryStorage;
import io.tunelab.search.study.OptimizeOptions;
import io.tunelab.search.study.Study;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.MetricPoint;
import io.tunelab.search.trial.TrialState;
import io.tunelab.trainers.callback.Monitor;
import io.tunelab.trainers.djl.DjlPredictor;
import io.tunelab.trainers.sources.CsvDatasets;
import io.tunelab.trainers.sources.SeriesDatasets;
import io.tunelab.trainers.sources.TrainingData;
import io.tunelab.trainers.tabular.CsvOptions;
import io.tunelab.trainers.testing.RegressionCsv;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Series and CSV regression targets far from 0 (a level of 1000, prices of 10^5): the network trains on values
 * standardised by the training split, the metrics and the served predictions are in the data's own units, and the
 * last-epoch/best-epoch choice and class names of what a trial keeps. Tiny data, a few epochs.
 */
@Timeout(300)
class DjlObjectiveScalingTest {
    private static final double[] SERIES = new double[240];

    static {
        SplittableRandom random = new SplittableRandom(3);
        for (int t = 0; t < SERIES.length; t++) {
            SERIES[t] = Math.sin(t * 0.3) + 0.5 * Math.sin(t * 0.11) + 0.05 * random.nextGaussian();
        }
    }

    @TempDir
    Path dir;

    private Path series(double level) throws IOException {
        StringBuilder csv = new StringBuilder("y\n");
        for (double v : SERIES) {
            csv.append(String.format(Locale.ROOT, "%.6f%n", level + v));
        }
        return Files.writeString(dir.resolve("series-" + level + ".csv"), csv.toString());
    }

    private static FrozenTrial runOne(Study study, TrainingData data, Map<String, Object> fixed, String monitor,
                                      boolean restoreBest) {
        study.optimize(new DjlObjective(data, DjlObjectiveConfig.mlp(Map.of(), fixed).withMonitor(Monitor.of(monitor))
                .withRestoreBest(restoreBest)), OptimizeOptions.trials(1));
        FrozenTrial t = study.trials(EnumSet.allOf(TrialState.class)).get(0);
        assertThat(t.state()).as(t.message()).isEqualTo(TrialState.COMPLETE);
        return t;
    }

    private static Study study(String name) {
        return Study.builder(name).storage(new InMemoryStorage()).direction(Direction.MINIMIZE).seed(42).create();
    }

    private static Path artifact(Study study, FrozenTrial t, String name) {
        return study.storage().artifacts(t.id()).stream().filter(a -> a.name().equals(name)).findFirst()
                .map(a -> Path.of(a.uri())).orElseThrow();
    }

    private static Map<String, Object> rnn() {
        return Map.of("model", "rnn", "cell", "simple", "rnn_layers", 1, "rnn_units", 8, "epochs", 4, "batch_size", 16,
                "optimizer", "adam", "learning_rate", 0.01);
    }

    @Test
    void aSeriesAtLevel1000LearnsAsWellAsAtLevel0AndItsForecastsAreServedInTheSeriesUnits() throws IOException {
        Study flat = study("level-0");
        FrozenTrial zero = runOne(flat, SeriesDatasets.csv(series(0), "y", 10, 1, 0.2, 0.1), rnn(), "val_mae", true);
        Study high = study("level-1000");
        TrainingData data = SeriesDatasets.csv(series(1000), "y", 10, 1, 0.2, 0.1);
        FrozenTrial thousand = runOne(high, data, rnn(), "val_mae", true);

        double maeZero = zero.value();
        assertThat(maeZero).as("the level-0 series is learnt").isLessThan(0.5);
        assertThat(thousand.value()).as("val_mae in the series' units, as at level 0").isCloseTo(maeZero, within(0.05 * maeZero));
        double testRmse = ((Number) ((Map<?, ?>) thousand.userAttrs().get("test_evaluation")).get("rmse")).doubleValue();
        assertThat(testRmse).as("the test evaluation in the series' units").isLessThan(1.0);
        List<MetricPoint> valLoss = high.storage().metrics(thousand.id(), "val_loss");
        assertThat(valLoss).isNotEmpty();

        try (DjlPredictor served = DjlPredictor.load(artifact(high, thousand, "best-0000.params"), List.of())) {
            assertThat(served.card().scaling()).as("the scaling is saved with the model").isEqualTo(data.card().scaling());
            assertThat(served.card().scaling().targetMean()).isCloseTo(1000, within(1.0));
            // the last 10 steps of the series, as a client sends them, forecast the step after them
            float[] window = new float[10];
            for (int i = 0; i < 10; i++) {
                window[i] = (float) (1000 + SERIES[SERIES.length - 11 + i]);
            }
            double forecast = (double) served.predict(new float[][] {window}).get(0).output();
            assertThat(forecast).as("a forecast in the series' units").isCloseTo(1000 + SERIES[SERIES.length - 1], within(1.0));
            double spread = ((Number) served.predict(new float[][] {window}, 3).get(0).output()).doubleValue();
            assertThat(spread).as("Monte Carlo mean, un-scaled too").isCloseTo(forecast, within(1e-3));
            double[] scores = served.testScores(data.splits().test());
            double mse = -java.util.Arrays.stream(scores).average().orElseThrow();
            assertThat(Math.sqrt(mse)).as("test scores in the series' units").isCloseTo(testRmse, within(1e-3 + 1e-3 * testRmse));
            assertThat(served.testScores(data.splits().test(), data.card().scaling())).as("data scaled as the model's")
                    .containsExactly(scores);
            // the same windows as they are (a model's data loaded without scaling) score alike
            io.tunelab.trainers.data.DenseDataset test = data.splits().test();
            float[] x = test.features().clone();
            float[] y = test.targets().clone();
            data.card().scaling().unscaleInputs(x);
            data.card().scaling().unscaleTargets(y);
            double[] rawScores = served.testScores(io.tunelab.trainers.data.DenseDataset.regression(x, test.exampleShape(), y,
                    test.targetWidth()), null);
            for (int i = 0; i < scores.length; i++) {
                assertThat(rawScores[i]).isCloseTo(scores[i], within(1e-3));
            }
        }
    }

    @Test
    void aCsvRegressionOfPricesBeatsTheMeanWithMetricsAndServedPredictionsInPrices() throws IOException {
        SplittableRandom random = new SplittableRandom(8);
        StringBuilder csv = new StringBuilder("rooms,area,price\n");
        double[][] rows = new double[300][];
        for (int i = 0; i < rows.length; i++) {
            double rooms = 1 + random.nextInt(6);
            double area = random.nextDouble(30, 250);
            double price = 50_000 + 40_000 * rooms + 1_500 * area + random.nextGaussian() * 5_000;
            rows[i] = new double[] {rooms, area, price};
            csv.append(String.format(Locale.ROOT, "%.0f,%.2f,%.2f%n", rooms, area, price));
        }
        Path file = Files.writeString(dir.resolve("prices.csv"), csv.toString());
        TrainingData data = CsvDatasets.load(file, CsvOptions.regression("price"), 0.2, 0.2, 3);
        Map<String, Object> fixed = Map.of("epochs", 6, "batch_size", 16, "n_hidden", 1, "n_neurons", 16,
                "optimizer", "adam", "learning_rate", 0.01);
        Study study = study("prices");

        FrozenTrial t = runOne(study, data, fixed, "val_rmse", true);

        double mean = java.util.Arrays.stream(rows).mapToDouble(r -> r[2]).average().orElseThrow();
        double std = Math.sqrt(java.util.Arrays.stream(rows).mapToDouble(r -> (r[2] - mean) * (r[2] - mean)).average().orElseThrow());
        assertThat(std).as("prices spread by about 10^5").isGreaterThan(50_000);
        assertThat(t.value()).as("val_rmse in prices, well below the mean predictor's").isBetween(1_000.0, 0.3 * std);
        double testRmse = ((Number) ((Map<?, ?>) t.userAttrs().get("test_evaluation")).get("rmse")).doubleValue();
        assertThat(testRmse).isBetween(1_000.0, 0.3 * std);
        try (DjlPredictor served = DjlPredictor.load(artifact(study, t, "best-0000.params"), List.of())) {
            double sumError = 0;
            for (double[] r : rows) {
                double predicted = (double) served.predict(new float[][] {{(float) r[0], (float) r[1]}}).get(0).output();
                sumError += Math.abs(predicted - r[2]);
            }
            assertThat(sumError / rows.length).as("served predictions in prices").isLessThan(0.3 * std);
        }
    }

    @Test
    void withoutRestoringTheBestEpochTheKeptModelIsTheLastEpochs() throws IOException {
        // a noisy regression and a learning rate too high for it, so that the epochs' metrics go up and down
        TrainingData data = RegressionCsv.noisy(dir);
        Map<String, Object> fixed = Map.of("epochs", 8, "batch_size", 16, "n_hidden", 1, "n_neurons", 8,
                "optimizer", "sgd", "learning_rate", 0.3);
        Study study = study("last");

        FrozenTrial t = runOne(study, data, fixed, "val_rmse", false);

        List<MetricPoint> rmse = study.storage().metrics(t.id(), "val_rmse");
        MetricPoint best = rmse.stream().min(java.util.Comparator.comparingDouble(MetricPoint::value)).orElseThrow();
        assertThat(best.step()).as("the best epoch is not the last").isLessThan(8);
        assertThat(t.userAttrs().get(DjlObjective.VALUE_EPOCH)).isEqualTo(8);
        assertThat(t.value()).isEqualTo(rmse.get(7).value());
        assertThat(t.userAttrs().get("best_checkpoint_epoch")).as("the attached model is the one the value is from")
                .isEqualTo(8);
    }

    @Test
    void theTestEvaluationNamesClassesAsTheSavedModelDoes() throws IOException {
        SplittableRandom random = new SplittableRandom(4);
        StringBuilder csv = new StringBuilder("a,b,answer\n");
        List<String> names = List.of("maybe", "no", "yes");
        for (int i = 0; i < 150; i++) {
            int y = random.nextInt(3);
            csv.append(String.format(Locale.ROOT, "%.4f,%.4f,%s%n", y + random.nextGaussian() * 0.3,
                    random.nextGaussian(), names.get(y)));
        }
        TrainingData data = CsvDatasets.load(Files.writeString(dir.resolve("answers.csv"), csv.toString()),
                CsvOptions.classification("answer"), 0.2, 0.2, 1);
        Map<String, Object> fixed = Map.of("epochs", 1, "batch_size", 16, "n_hidden", 1, "n_neurons", 4);
        Study study = study("names");

        FrozenTrial t = runOne(study, data, fixed, "val_loss", true);

        Map<?, ?> test = (Map<?, ?>) t.userAttrs().get("test_evaluation");
        assertThat(test.get("classes")).isEqualTo(names);
        assertThat(data.card().classes()).isEqualTo(names);
        assertThat(String.valueOf(test.get("per_class"))).contains("maybe").contains("yes");
    }
}
