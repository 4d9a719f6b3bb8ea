package io.tunelab.trainers.djl.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tunelab.search.storage.InMemoryStorage;
import io.tunelab.search.study.OptimizeOptions;
import io.tunelab.search.study.Study;
import io.tunelab.search.summary.Histogram;
import io.tunelab.search.summary.LoggedSummary;
import io.tunelab.search.summary.SummaryKind;
import io.tunelab.search.summary.SummaryTag;
import io.tunelab.search.summary.WeightHistogramTags;
import io.tunelab.search.trial.ArtifactRef;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.MetricPoint;
import io.tunelab.search.trial.TrialState;
import io.tunelab.trainers.callback.Monitor;
import io.tunelab.trainers.data.DatasetSplits;
import io.tunelab.trainers.djl.DjlPredictor;
import io.tunelab.trainers.predict.InputSchema;
import io.tunelab.trainers.predict.ModelFormat;
import io.tunelab.trainers.sources.CsvDatasets;
import io.tunelab.trainers.sources.SeriesDatasets;
import io.tunelab.trainers.sources.TrainingData;
import io.tunelab.trainers.tabular.CsvOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** DJL trials on a user's CSV file and on time series: tiny data, a few epochs. */
@Timeout(300)
class DjlObjectiveOwnDataTest {
    @TempDir
    Path dir;

    private static Study minimizing(String name) {
        return Study.builder(name).storage(new InMemoryStorage()).direction(Direction.MINIMIZE).seed(42).create();
    }

    private static Path artifact(Study study, FrozenTrial t, String name) {
        return study.storage().artifacts(t.id()).stream().filter(a -> a.name().equals(name)).findFirst()
                .map(a -> Path.of(a.uri())).orElseThrow();
    }

    /** y = 3 a - 2 b + (1 for red) + N(0, 0.1): 300 rows with two numeric columns and a colour. */
    private Path regressionCsv(double[][] raw) throws IOException {
        SplittableRandom random = new SplittableRandom(5);
        StringBuilder csv = new StringBuilder("a,b,colour,y\n");
        for (int i = 0; i < raw.length; i++) {
            double a = random.nextDouble(-1, 1);
            double b = random.nextDouble(-1, 1);
            boolean red = random.nextBoolean();
            double y = 3 * a - 2 * b + (red ? 1 : 0) + 0.1 * random.nextGaussian();
            raw[i] = new double[] {a, b, red ? 0 : 1, red ? 1 : 0};
            csv.append(String.format(Locale.ROOT, "%.6f,%.6f,%s,%.6f%n", a, b, red ? "red" : "blue", y));
        }
        Path file = dir.resolve("regression.csv");
        Files.writeString(file, csv.toString());
        return file;
    }

    @Test
    void optInWeightHistogramsAreLoggedPerLayerEveryNEpochs() throws IOException {
        TrainingData csv = CsvDatasets.load(regressionCsv(new double[300][]), CsvOptions.regression("y"), 0.2, 0.2, 3);
        Map<String, Object> fixed = Map.of("epochs", 4, "batch_size", 32, "n_hidden", 1, "n_neurons", 8,
                "optimizer", "adam", "learning_rate", 0.01);
        Study study = minimizing("histograms");
        study.optimize(new DjlObjective(csv, DjlObjectiveConfig.mlp(Map.of(), fixed).withMonitor(Monitor.of("val_rmse"))
                .withCheckpoint(false).withHistograms(2)), OptimizeOptions.trials(1));

        FrozenTrial t = study.trials(java.util.EnumSet.allOf(TrialState.class)).get(0);
        assertThat(t.state()).as(t.message()).isEqualTo(TrialState.COMPLETE);
        List<SummaryTag> tags = study.storage().summaryTags(t.id()).stream()
                .filter(tag -> !tag.tag().endsWith(WeightHistogramTags.GRADIENT_SUFFIX)).toList();
        // One hidden layer and the output layer, each with weights and biases (and their gradients: DjlSummariesTest).
        assertThat(tags).extracting(SummaryTag::tag)
                .containsExactlyInAnyOrder("dense/kernel_0", "dense/bias_0", "dense_1/kernel_0", "dense_1/bias_0");
        assertThat(tags).allSatisfy(tag -> assertThat(tag.kind()).isEqualTo(SummaryKind.HISTOGRAM));
        for (SummaryTag tag : tags) {
            List<LoggedSummary> logged = study.storage().summaries(t.id(), tag.tag());
            assertThat(logged).extracting(LoggedSummary::step).containsExactly(2L, 4L);
            assertThat(((Histogram) logged.get(0).value()).num()).isPositive();
        }
        Histogram firstKernel = (Histogram) study.storage().summaries(t.id(), "dense/kernel_0").get(0).value();
        assertThat(firstKernel.min()).isLessThan(firstKernel.max());
    }

    @Test
    void aRegressionMlpOnACsvLearnsAndItsSavedModelEncodesRawFeaturesAsTraining() throws IOException {
        double[][] raw = new double[300][];
        Path file = regressionCsv(raw);
        TrainingData csv = CsvDatasets.load(file, CsvOptions.regression("y"), 0.2, 0.2, 3);
        DatasetSplits data = csv.splits();
        Map<String, Object> fixed = new HashMap<>(Map.of("epochs", 4, "batch_size", 16, "n_hidden", 1, "n_neurons", 16,
                "optimizer", "adam", "learning_rate", 0.01));
        Study study = minimizing("csv-regression");

        study.optimize(new DjlObjective(csv, DjlObjectiveConfig.mlp(Map.of(), fixed).withMonitor(Monitor.of("val_rmse"))),
                OptimizeOptions.trials(1));

        FrozenTrial t = study.trials(java.util.EnumSet.allOf(TrialState.class)).get(0);
        assertThat(t.state()).as(t.message()).isEqualTo(TrialState.COMPLETE);
        List<MetricPoint> valRmse = study.storage().metrics(t.id(), "val_rmse");
        assertThat(valRmse).hasSize(4);
        assertThat(valRmse.get(3).value()).as("validation RMSE falls").isLessThan(valRmse.get(0).value());
        @SuppressWarnings("unchecked")
        Map<String, Object> test = (Map<String, Object>) t.userAttrs().get("test_evaluation");
        assertThat(test).containsEntry("task", "regression").containsKeys("rmse", "rmse_interval", "mae", "r2");
        assertThat(study.storage().artifacts(t.id())).extracting(ArtifactRef::name)
                .containsExactly("best-0000.params", "best.architecture.json", "best.data.json", ModelFormat.ARTIFACT);
        ModelFormat format = ModelFormat.read(artifact(study, t, ModelFormat.ARTIFACT));
        assertThat(format.flavor()).isEqualTo("djl");
        assertThat(format.modelFile()).isEqualTo("best-0000.params");
        assertThat(format.trainer()).as("the trainer as a study file names it").isEqualTo("djl-mlp");
        assertThat(format.signature().toString()).contains("name=colour, type=string, levels=[blue, red]")
                .contains("type=double");

        try (DjlPredictor served = DjlPredictor.load(artifact(study, t, "best-0000.params"), List.of())) {
            assertThat(served.schema().featureNames()).containsExactly("a", "b", "colour=blue", "colour=red");
            assertThat(served.schema().columns()).as("what a client sends: the raw columns, colour by its level")
                    .containsExactly(new InputSchema.Column("a", List.of()), new InputSchema.Column("b", List.of()),
                            new InputSchema.Column("colour", List.of("blue", "red")));
            assertThat(served.card().encoder().toMap()).isEqualTo(csv.card().encoder().toMap());
            float[][] rows = new float[raw.length][];
            for (int i = 0; i < raw.length; i++) {
                rows[i] = new float[] {(float) raw[i][0], (float) raw[i][1], (float) raw[i][2], (float) raw[i][3]};
            }
            assertThat(served.predict(rows)).hasSize(300).allSatisfy(p -> assertThat(p.output()).isInstanceOf(Double.class));
            // a training example, as encoded in training and as its raw features encoded by the saved transform
            for (int i = 0; i < 10; i++) {
                float[] encoded = Arrays.copyOfRange(data.train().features(), i * 4, i * 4 + 4);
                double target = csv.card().scaling().unscaleTarget(data.train().targets()[i]);
                double viaTraining = served.testScores(data.train().slice(i, i + 1))[0];
                double viaServing = (double) served.predict(new float[][] {decode(served, encoded)}).get(0).output();
                assertThat(-(viaServing - target) * (viaServing - target)).isCloseTo(viaTraining, within(1e-4));
            }
            // a missing value is imputed as in training: the median of a training column, the commonest colour
            var columns = served.card().encoder().columns();
            float[] filled = {(float) columns.get(0).fillNumber(), 0.25f, 0, 0};
            filled[columns.get(2).levels().indexOf(columns.get(2).fillLevel()) == 0 ? 2 : 3] = 1;
            double imputed = (double) served.predict(new float[][] {{Float.NaN, 0.25f, Float.NaN, Float.NaN}}).get(0).output();
            assertThat(imputed).isCloseTo((double) served.predict(new float[][] {filled}).get(0).output(), within(1e-5));
        }
    }

    @Test
    void aRegularisedSeluMlpWithBatchNormAfterItsActivationsAndAlphaDropoutLearnsToo() throws IOException {
        TrainingData csv = CsvDatasets.load(regressionCsv(new double[300][]), CsvOptions.regression("y"), 0.2, 0.2, 3);
        Map<String, Object> fixed = new HashMap<>(Map.of("epochs", 4, "batch_size", 16, "n_hidden", 2, "n_neurons", 16,
                "optimizer", "adam", "learning_rate", 0.01, "activation", "selu", "initializer", "lecun",
                "batch_norm", true, "batch_norm_position", "after"));
        fixed.putAll(Map.of("dropout", 0.1, "alpha_dropout", true, "l1", 1e-4, "l2", 1e-3, "max_norm", 2.0));
        Study study = minimizing("regularised");

        study.optimize(new DjlObjective(csv, DjlObjectiveConfig.mlp(Map.of(), fixed).withMonitor(Monitor.of("val_loss"))
                .withCheckpoint(false)), OptimizeOptions.trials(1));

        FrozenTrial t = study.trials(java.util.EnumSet.allOf(TrialState.class)).get(0);
        assertThat(t.state()).as(t.message()).isEqualTo(TrialState.COMPLETE);
        assertThat(t.userAttrs().get("architecture")).isEqualTo(
                "mlp 4-16-16-1 selu bn-after alpha-dropout 0.1 l1 1.0E-4 l2 0.001 max-norm 2.0");
        List<MetricPoint> loss = study.storage().metrics(t.id(), "loss");
        assertThat(loss.get(3).value()).as("training loss falls").isLessThan(loss.get(0).value());
    }

    @Test
    void aResidualCnnWithAGlobalPoolingHeadLearnsToTellTwoPatternsApart() {
        // 8x8 images: class 0 bright on the left half, class 1 on the right, plus noise
        SplittableRandom random = new SplittableRandom(9);
        int n = 240;
        float[] x = new float[n * 64];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 2;
            for (int p = 0; p < 64; p++) {
                boolean lit = (p % 8 < 4) == (y[i] == 0);
                x[i * 64 + p] = (lit ? 0.8f : 0.2f) + (float) random.nextDouble(-0.2, 0.2);
            }
        }
        io.tunelab.trainers.data.DenseDataset all = new io.tunelab.trainers.data.DenseDataset(x, new int[] {8, 8}, y, 2);
        DatasetSplits data = new DatasetSplits(all.slice(0, 160), all.slice(160, 200), all.slice(200, 240));
        Map<String, Object> fixed = new HashMap<>(Map.of("model", "cnn", "conv_blocks", 2, "filters", 4, "residual", true,
                "global_pool", true, "batch_norm", true, "epochs", 3, "batch_size", 16, "optimizer", "adam",
                "learning_rate", 0.01));
        Study study = Study.builder("resnet").storage(new InMemoryStorage()).direction(Direction.MAXIMIZE).seed(1).create();

        study.optimize(new DjlObjective(data, DjlObjectiveConfig.mlp(Map.of(), fixed).withCheckpoint(false)),
                OptimizeOptions.trials(1));

        FrozenTrial t = study.trials(java.util.EnumSet.allOf(TrialState.class)).get(0);
        assertThat(t.state()).as(t.message()).isEqualTo(TrialState.COMPLETE);
        assertThat(String.valueOf(t.userAttrs().get("architecture"))).contains("residual").contains("global average pool");
        List<MetricPoint> loss = study.storage().metrics(t.id(), "loss");
        assertThat(loss.get(2).value()).as("training loss falls").isLessThan(loss.get(0).value());
    }

    /** The raw laid-out row whose encoding is {@code encoded} (numbers de-standardised, indicators kept). */
    private static float[] decode(DjlPredictor served, float[] encoded) {
        float[] raw = encoded.clone();
        var columns = served.card().encoder().columns();
        for (int c = 0; c < 2; c++) {
            raw[c] = (float) (encoded[c] * columns.get(c).scale() + columns.get(c).mean());
        }
        return raw;
    }

    @Test
    void everyRecurrentCellLearnsTheSyntheticSeriesAndAForecastIsServed() {
        TrainingData data = SeriesDatasets.synthetic(400, 20, 2, 100, 50, 11);
        for (String cell : List.of("simple", "lstm", "gru")) {
            Map<String, Object> fixed = new HashMap<>(Map.of("model", "rnn", "cell", cell, "rnn_layers", 1,
                    "rnn_units", 8, "epochs", 3, "batch_size", 25, "optimizer", "adam", "learning_rate", 0.01));
            if (cell.equals("gru")) {
                fixed.put("conv1d_filters", 4);
            }
            Study study = minimizing("series-" + cell);

            study.optimize(new DjlObjective(data, DjlObjectiveConfig.mlp(Map.of(), fixed).withMonitor(Monitor.of("val_loss"))),
                    OptimizeOptions.trials(1));

            FrozenTrial t = study.trials(java.util.EnumSet.allOf(TrialState.class)).get(0);
            assertThat(t.state()).as(cell + ": " + t.message()).isEqualTo(TrialState.COMPLETE);
            List<MetricPoint> loss = study.storage().metrics(t.id(), "loss");
            assertThat(loss.get(2).value()).as(cell + " training loss falls").isLessThan(loss.get(0).value());
            assertThat(String.valueOf(t.userAttrs().get("architecture"))).startsWith("rnn").contains(cell);
            try (DjlPredictor served = DjlPredictor.load(artifact(study, t, "best-0000.params"), List.of())) {
                assertThat(served.schema().shape()).containsExactly(20, 1);
                Object forecast = served.predict(new float[][] {new float[20]}).get(0).output();
                assertThat((List<?>) forecast).hasSize(2);
            }
        }
    }
}
