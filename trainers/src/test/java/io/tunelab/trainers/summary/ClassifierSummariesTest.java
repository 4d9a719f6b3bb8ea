package io.tunelab.trainers.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tunelab.search.summary.PrCurve;
import io.tunelab.search.summary.SummaryKind;
import io.tunelab.search.summary.SummaryTag;
import io.tunelab.search.summary.TextSummary;
import io.tunelab.trainers.eval.ConfusionMatrix;
import io.tunelab.trainers.testing.LoggedSummaries;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClassifierSummariesTest {
    private static final List<String> CLASSES = List.of("cat", "dog");

    @Test
    void aConfusionMatrixIsLoggedAsAHeatMapAndAMarkdownTable() {
        ConfusionMatrix m = ConfusionMatrix.of(new int[] {0, 0, 1}, new int[] {0, 1, 1}, CLASSES);
        LoggedSummaries logged = LoggedSummaries.of(t -> ClassifierSummaries.logConfusionMatrix(t, "test/", 5, m));

        assertThat(logged.tags()).containsExactlyInAnyOrder(new SummaryTag("test/confusion_matrix", SummaryKind.IMAGE),
                new SummaryTag("test/confusion_matrix_table", SummaryKind.TEXT));
        assertThat(logged.image("test/confusion_matrix", 5).getWidth()).isGreaterThan(2 * 40);
        assertThat(((TextSummary) logged.of("test/confusion_matrix_table").get(0).value()).markdown()).isEqualTo(m.toMarkdown());
    }

    @Test
    void eachClassGetsAOneVersusRestPrCurveScoredByItsProbability() {
        int[] truth = {0, 0, 1, 1, 1};
        double[][] p = {{0.9, 0.1}, {0.4, 0.6}, {0.2, 0.8}, {0.3, 0.7}, {0.7, 0.3}};
        LoggedSummaries logged = LoggedSummaries.of(t -> ClassifierSummaries.logPrCurves(t, "valid/", 3, truth, p, CLASSES));

        PrCurve cat = (PrCurve) logged.of("valid/pr_curve/cat").get(0).value();
        PrCurve dog = (PrCurve) logged.of("valid/pr_curve/dog").get(0).value();
        assertThat(cat.truePositives()[0] + cat.falseNegatives()[0]).as("cats").isEqualTo(2);
        assertThat(dog.truePositives()[0] + dog.falseNegatives()[0]).as("dogs").isEqualTo(3);
        int half = (cat.size() - 1) / 2;
        // At threshold 0.5: cat predicted for examples 0 and 4 (one right), dog for 1, 2, 3 (two right).
        assertThat(cat.precision(half)).isCloseTo(0.5, within(1e-9));
        assertThat(dog.precision(half)).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(dog.recall(half)).isCloseTo(2.0 / 3, within(1e-9));
    }

    @Test
    void softmaxTurnsLogitsIntoProbabilitiesWhoseLargestIsThePrediction() {
        double[][] p = ClassifierSummaries.softmax(new float[] {0, 0, 1000, 2, 1, 0}, 3);
        assertThat(p[0]).containsExactly(new double[] {0, 0, 1}, within(1e-12));
        assertThat(p[1][0] + p[1][1] + p[1][2]).isCloseTo(1, within(1e-12));
        assertThat(p[1][0] / p[1][1]).isCloseTo(Math.E, within(1e-9));
        assertThat(ClassifierSummaries.argMax(p)).containsExactly(2, 0);
    }
}
