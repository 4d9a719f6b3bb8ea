package io.tunelab.trainers.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.tunelab.trainers.TrainersException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * truth     = 0 0 0 1 1 2
 * predicted = 0 0 1 1 2 2
 * Confusion (rows truth): [[2,1,0],[0,1,1],[0,0,1]]; correct 4 of 6.
 * Class 0: P 2/2, R 2/3; class 1: P 1/2, R 1/2; class 2: P 1/2, R 1/1.
 */
class ClassificationReportTest {
    private static final int[] TRUTH = {0, 0, 0, 1, 1, 2};
    private static final int[] PREDICTED = {0, 0, 1, 1, 2, 2};
    private static final List<String> CLASSES = List.of("cat", "dog", "fox");

    @Test
    void accuracyAndConfusionMatrixAreCountedByHand() {
        ClassificationReport r = ClassificationReport.of(TRUTH, PREDICTED, CLASSES);

        assertThat(r.examples()).isEqualTo(6);
        assertThat(r.accuracy()).isCloseTo(4.0 / 6, within(1e-15));
        assertThat(r.confusion().toLists()).isEqualTo(List.of(List.of(2, 1, 0), List.of(0, 1, 1), List.of(0, 0, 1)));
        assertThat(r.confusion().actual(0)).isEqualTo(3);
        assertThat(r.confusion().predicted(2)).isEqualTo(2);
    }

    @Test
    void perClassPrecisionRecallAndF1AreComputedByHand() {
        ClassificationReport r = ClassificationReport.of(TRUTH, PREDICTED, CLASSES);

        ClassMetrics cat = r.perClass().get(0);
        assertThat(cat.label()).isEqualTo("cat");
        assertThat(cat.precision()).isEqualTo(1.0);
        assertThat(cat.recall()).isCloseTo(2.0 / 3, within(1e-15));
        assertThat(cat.f1()).isCloseTo(0.8, within(1e-15));
        assertThat(cat.support()).isEqualTo(3);
        ClassMetrics dog = r.perClass().get(1);
        assertThat(dog.precision()).isEqualTo(0.5);
        assertThat(dog.recall()).isEqualTo(0.5);
        assertThat(dog.f1()).isEqualTo(0.5);
        ClassMetrics fox = r.perClass().get(2);
        assertThat(fox.precision()).isEqualTo(0.5);
        assertThat(fox.recall()).isEqualTo(1.0);
        assertThat(fox.f1()).isCloseTo(2.0 / 3, within(1e-15));
        assertThat(r.macroPrecision()).isCloseTo(2.0 / 3, within(1e-15));
        assertThat(r.macroRecall()).isCloseTo((2.0 / 3 + 0.5 + 1) / 3, within(1e-15));
        assertThat(r.macroF1()).isCloseTo((0.8 + 0.5 + 2.0 / 3) / 3, within(1e-15));
    }

    @Test
    void accuracyIntervalIsScipysTIntervalClippedToOne() {
        ClassificationReport r = ClassificationReport.of(TRUTH, PREDICTED, CLASSES);

        // scipy: t.interval(0.95, 5, loc=4/6, scale=sem([1,1,0,1,0,1])) = (0.12474043250217703, 1.2085929008311562)
        assertThat(r.accuracyInterval().low()).isCloseTo(0.12474043250217703, within(1e-12));
        assertThat(r.accuracyInterval().high()).isEqualTo(1.0);
    }

    @Test
    void aClassNeverPredictedHasPrecisionZero() {
        ClassificationReport r = ClassificationReport.of(new int[] {0, 1, 1}, new int[] {0, 0, 0}, 2);

        assertThat(r.perClass().get(1).precision()).isZero();
        assertThat(r.perClass().get(1).f1()).isZero();
        assertThat(r.perClass().get(1).label()).isEqualTo("1");
    }

    @Test
    void theMapHoldsOnlyJsonCompatibleValues() {
        Map<String, Object> map = ClassificationReport.of(TRUTH, PREDICTED, CLASSES).toMap();

        assertThat(map).containsKeys("accuracy", "accuracy_interval", "confusion_matrix", "per_class", "macro_f1");
        assertThat(map.get("classes")).isEqualTo(CLASSES);
        assertJsonCompatible(map);
    }

    static void assertJsonCompatible(Object value) {
        if (value instanceof Map<?, ?> m) {
            m.forEach((k, v) -> {
                assertThat(k).isInstanceOf(String.class);
                assertJsonCompatible(v);
            });
        } else if (value instanceof List<?> l) {
            l.forEach(ClassificationReportTest::assertJsonCompatible);
        } else {
            assertThat(value).isInstanceOfAny(String.class, Number.class, Boolean.class);
        }
    }

    @Test
    void mismatchedOrOutOfRangeLabelsAreRejected() {
        assertThatThrownBy(() -> ClassificationReport.of(new int[] {0, 1}, new int[] {0}, 2))
                .isInstanceOf(TrainersException.class).hasMessageContaining("2 labels but predictions have 1");
        assertThatThrownBy(() -> ClassificationReport.of(new int[] {0, 3}, new int[] {0, 1}, 2))
                .isInstanceOf(TrainersException.class).hasMessageContaining("true label 3 at example 1");
        assertThatThrownBy(() -> ClassificationReport.of(new int[] {0}, new int[] {0}, 2))
                .isInstanceOf(TrainersException.class).hasMessageContaining("at least 2 examples");
    }
}
