package io.tunelab.search.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunelab.search.storage.StorageException;
import io.tunelab.search.trial.Trial;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A trial refuses, where it is called, what no storage would keep, in the words every storage uses. */
class TrialCallSiteChecksTest {
    private final Study study = Study.builder("s").create();
    private final Trial trial = study.ask();

    @Test
    void aNullParameterNameIsNamedAsTheProblem() {
        assertThatThrownBy(() -> trial.suggestFloat(null, 0, 1)).isInstanceOf(StorageException.class)
                .hasMessage("parameter name must not be null");
        assertThatThrownBy(() -> trial.suggestInt(null, 0, 1)).hasMessage("parameter name must not be null");
    }

    @Test
    void aBlankOrOverLongParameterNameIsRefusedShowingItsStartAndLength() {
        assertThatThrownBy(() -> trial.suggestFloat("  ", 0, 1))
                .hasMessage("parameter name must be 1 to 200 characters and not blank, got '  '");
        assertThatThrownBy(() -> trial.suggestFloat("p".repeat(3000), 0, 1))
                .hasMessage("parameter name must be 1 to 200 characters and not blank, got '" + "p".repeat(40)
                        + "\u2026' (3000 characters)");
        assertThat(trial.suggestFloat("p".repeat(200), 0, 1)).isBetween(0.0, 1.0);
    }

    @Test
    void aMetricNameIsCheckedAsTheDatabaseChecksIt() {
        assertThatThrownBy(() -> trial.log("", 0, 1.0))
                .hasMessage("metric name must be 1 to 200 characters and not blank, got ''");
        assertThatThrownBy(() -> trial.log(0, Map.of("m".repeat(201), 1.0)))
                .hasMessageStartingWith("metric name must be 1 to 200 characters and not blank, got 'mmm");
    }

    @Test
    void aNegativeLogStepIsRefusedAsANegativeReportStepIs() {
        assertThatThrownBy(() -> trial.log("m", -1, 4)).isInstanceOf(StudyException.class)
                .hasMessage("trial 0: log step must be 0 or more, got -1");
        assertThatThrownBy(() -> trial.log(-2, Map.of("m", 4.0))).hasMessage("trial 0: log step must be 0 or more, got -2");
        assertThat(study.storage().metricNames(((LiveTrial) trial).id())).isEmpty();
    }

    @Test
    void aUserAttributeThatIsNotJsonCompatibleIsRefusedWhenItIsSet() {
        assertThatThrownBy(() -> trial.setUserAttr("model", new Object())).isInstanceOf(StorageException.class)
                .hasMessageStartingWith("attribute 'model' must be JSON-compatible (string, number, boolean, list or map"
                        + " of those), got java.lang.Object");
        assertThatThrownBy(() -> trial.setUserAttr("model", Map.of("weights", List.of(1, new Object()))))
                .hasMessage("attribute 'model' must be JSON-compatible (string, number, boolean, list or map of those),"
                        + " got java.util.ImmutableCollections$Map1 holding a java.lang.Object at weights[1]");
        assertThatThrownBy(() -> trial.setUserAttr("model", new Object())).hasMessageNotContaining("serializer")
                .hasMessageNotContaining("FAIL_ON_EMPTY_BEANS");
        assertThatThrownBy(() -> trial.setUserAttr("", 1))
                .hasMessage("attribute name must be 1 to 200 characters and not blank, got ''");
    }
}
