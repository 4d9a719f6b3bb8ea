package io.tunelab.search.trial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunelab.search.SearchException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A fixed trial keeps reports as a study's trial does: the first value of a step, and no negative step. */
class FixedTrialReportsTest {

    @Test
    void aStepReportedAgainKeepsItsFirstValue() {
        FixedTrial trial = new FixedTrial(Map.of());
        trial.report(2, 0.7);
        trial.report(2, 0.1);

        assertThat(trial.reports()).containsExactly(Map.entry(2, 0.7));
    }

    @Test
    void aNegativeStepIsRefusedNamingIt() {
        assertThatThrownBy(() -> new FixedTrial(Map.of()).report(-3, 0.5)).isInstanceOf(SearchException.class)
                .hasMessage("fixed trial: report step must be 0 or more, got -3");
    }
}
