package io.tunelab.tracker.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** MLflow's {@code order_by} on trials, on {@link MlflowFilterTest}'s trials. */
class TrialOrderTest {
    static List<Integer> sorted(String... keys) {
        return TrialOrder.parse(List.of(keys), MlflowFilterTest.CATALOG).sort(MlflowFilterTest.ROWS).stream()
                .map(r -> r.trial().number()).toList();
    }

    @Test
    void keysSortInTurnAndTiesKeepTheOrderTheTrialsCameIn() {
        assertThat(sorted("params.optimizer DESC", "params.lr desc")).containsExactly(2, 0, 3, 1);
        assertThat(sorted("params.optimizer")).containsExactly(1, 3, 0, 2);
        assertThat(sorted()).containsExactly(0, 1, 2, 3);
    }

    @Test
    void trialsWithoutTheValueComeLastInEitherDirection() {
        assertThat(sorted("metrics.val_accuracy DESC")).containsExactly(1, 0, 2, 3);
        assertThat(sorted("metrics.val_accuracy ASC")).containsExactly(2, 0, 1, 3);
        assertThat(sorted("params.momentum DESC")).containsExactly(0, 2, 1, 3);
        assertThat(sorted("value")).containsExactly(3, 1, 0, 2);
        assertThat(TrialOrder.parse(List.of("metrics.loss", "number"), MlflowFilterTest.CATALOG).metrics()).containsExactly("loss");
    }

    @Test
    void aBadKeyNamesItAndWhatWasExpected() {
        assertThatThrownBy(() -> sorted("params.lr UP")).isInstanceOf(FilterException.class)
                .hasMessage("sort key 'params.lr UP': the direction must be ASC or DESC, got 'UP'");
        assertThatThrownBy(() -> sorted("params.lr DESC x")).hasMessageContaining("expected a field optionally followed by ASC or DESC");
        assertThatThrownBy(() -> sorted("metrics.val_acc")).hasMessageContaining("did you mean 'metrics.val_accuracy'");
    }
}
