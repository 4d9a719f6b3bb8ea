package io.tunelab.trainers.djl.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunelab.search.study.OptimizeOptions;
import io.tunelab.search.study.Study;
import io.tunelab.search.summary.LoggedSummary;
import io.tunelab.search.summary.PrCurve;
import io.tunelab.search.summary.SummaryKind;
import io.tunelab.search.summary.SummaryTag;
import io.tunelab.search.summary.TextSummary;
import io.tunelab.search.summary.WeightHistogramTags;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.TrialState;
import io.tunelab.trainers.TrainersException;
import io.tunelab.trainers.callback.PredictionImages;
import io.tunelab.trainers.data.DatasetSplits;
import io.tunelab.trainers.data.DenseDataset;
import io.tunelab.trainers.testing.LoggedSummaries;
import io.tunelab.trainers.testing.TestStudies;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The opt-in summaries of a DJL trial, on a tiny image classifier: 8x8 images of three classes, three epochs. */
@Timeout(300)
class DjlSummariesTest {
    private static final Map<String, Object> FIXED = Map.of("epochs", 3, "batch_size", 16, "n_hidden", 1, "n_neurons", 8,
            "optimizer", "adam", "learning_rate", 0.01);

    /** 8x8 grey images lit in the top, left or bottom half by class, with noise; {@code flipped} labels are wrong. */
    private static DenseDataset images(int n, long seed, double flipped) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] x = new float[n * 64];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            int cls = i % 3;
            for (int p = 0; p < 64; p++) {
                int row = p / 8;
                int col = p % 8;
                boolean lit = cls == 0 ? row < 4 : cls == 1 ? col < 4 : row >= 4;
                x[i * 64 + p] = (lit ? 0.8f : 0.2f) + (float) random.nextDouble(-0.2, 0.2);
            }
            y[i] = random.nextDouble() < flipped ? (cls + 1) % 3 : cls;
        }
        return new DenseDataset(x, new int[] {1, 8, 8}, y, 3);
    }

    @Test
    void anImageClassifierLogsHistogramsPredictionGridsAndItsTestConfusionMatrixAndPrCurves() {
        DatasetSplits splits = new DatasetSplits(images(96, 1, 0), images(30, 2, 0.2), images(30, 3, 0.1));
        Study study = TestStudies.maximizing("summaries");
        study.optimize(new DjlObjective(splits, DjlObjectiveConfig.mlp(Map.of(), FIXED).withCheckpoint(false)
                .withSummaries(new SummaryOptions(2, 1, true))), OptimizeOptions.trials(1));
        FrozenTrial t = study.trials(EnumSet.allOf(TrialState.class)).get(0);
        assertThat(t.state()).as(t.message()).isEqualTo(TrialState.COMPLETE);
        LoggedSummaries logged = new LoggedSummaries(study, t);
        List<String> tags = logged.tags().stream().map(SummaryTag::tag).toList();

        List<String> gradients = tags.stream().filter(s -> s.endsWith(WeightHistogramTags.GRADIENT_SUFFIX)).sorted().toList();
        assertThat(gradients).as("a gradient histogram per parameter, as Keras names them").containsExactly(
                "dense/bias_0_grad", "dense/kernel_0_grad", "dense_1/bias_0_grad", "dense_1/kernel_0_grad");
        for (String g : gradients) {
            assertThat(tags).contains(g.substring(0, g.length() - WeightHistogramTags.GRADIENT_SUFFIX.length()));
            assertThat(logged.of(g)).extracting(LoggedSummary::step).containsExactly(2L);
        }

        assertThat(logged.of(PredictionImages.SAMPLES_TAG)).extracting(LoggedSummary::step).containsExactly(1L, 2L, 3L);
        assertThat(logged.of(PredictionImages.WORST_TAG)).as("the validation split has wrong labels").hasSize(3);

        assertThat(logged.tags()).contains(new SummaryTag("test/confusion_matrix", SummaryKind.IMAGE),
                new SummaryTag("test/confusion_matrix_table", SummaryKind.TEXT));
        assertThat(logged.of("test/confusion_matrix")).extracting(LoggedSummary::step).containsExactly(3L);
        String table = ((TextSummary) logged.of("test/confusion_matrix_table").get(0).value()).markdown();
        assertThat(table.lines().skip(2).mapToInt(line -> Integer.parseInt(line.replaceAll(".*\\| (\\d+) \\|$", "$1"))).sum())
                .as("row totals add up to the test split").isEqualTo(30);
        int positives = 0;
        for (int c = 0; c < 3; c++) {
            PrCurve curve = (PrCurve) logged.of("test/pr_curve/" + c).get(0).value();
            positives += (int) (curve.truePositives()[0] + curve.falseNegatives()[0]);
        }
        assertThat(positives).as("each test example is a positive of one class").isEqualTo(30);
    }

    @Test
    void imagesOfDataThatAreNotImagesAreRejectedNamingTheField() {
        DenseDataset rows = new DenseDataset(new float[40], new int[] {4}, new int[] {0, 1, 0, 1, 0, 1, 0, 1, 0, 1}, 2);
        DatasetSplits splits = new DatasetSplits(rows, rows, rows.head(0));
        assertThatThrownBy(() -> new DjlObjective(splits, DjlObjectiveConfig.mlp(Map.of(), FIXED)
                .withSummaries(new SummaryOptions(0, 1, false)))).isInstanceOf(TrainersException.class)
                .hasMessageContaining("fit.summaries.images").hasMessageContaining("[4]");
    }
}
