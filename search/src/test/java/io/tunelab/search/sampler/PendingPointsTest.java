package io.tunelab.search.sampler;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.search.space.Distribution;
import io.tunelab.search.space.IntDistribution;
import io.tunelab.search.study.Study;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.Trial;
import io.tunelab.search.trial.TrialState;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PendingPointsTest {
    private static final Map<String, Distribution> SPACE = Map.of("n", IntDistribution.uniform(0, 9));

    private final Study study = Study.builder("pending").create();
    private final PendingPoints pending = new PendingPoints();

    private List<FrozenTrial> running() {
        return study.trials(EnumSet.of(TrialState.RUNNING));
    }

    private FrozenTrial frozen(Trial t) {
        return study.trials(EnumSet.allOf(TrialState.class)).get(t.number());
    }

    @Test
    void aRunningTrialThatHasNotSuggestedItsParametersYetIsWhereThisSamplerProposedIt() {
        Trial first = study.ask();
        Trial second = study.ask();
        pending.remember(first.number(), Map.of("n", 3.0));
        assertThat(pending.of(running(), frozen(second), SPACE)).containsExactly(Map.of("n", 3.0));
    }

    @Test
    void aRunningTrialsStoredParametersComeBeforeWhatWasProposed() {
        Trial first = study.ask();
        pending.remember(first.number(), Map.of("n", 3.0));
        first.suggestInt("n", 0, 9);
        Trial second = study.ask();
        double stored = frozen(first).internalParam("n");
        assertThat(pending.of(running(), frozen(second), SPACE)).containsExactly(Map.of("n", stored));
    }

    @Test
    void theAskingTrialAndTrialsWithNoPointAreLeftOut() {
        Trial first = study.ask();
        Trial second = study.ask();
        pending.remember(second.number(), Map.of("n", 5.0));
        assertThat(pending.of(running(), frozen(second), SPACE)).isEmpty();
        assertThat(pending.of(running(), frozen(first), SPACE)).containsExactly(Map.of("n", 5.0));
    }

    @Test
    void aProposalIsForgottenOnceALaterTrialAsksWithoutItsTrialAmongTheRunningOnes() {
        Trial first = study.ask();
        FrozenTrial firstRunning = frozen(first);
        pending.remember(first.number(), Map.of("n", 3.0));
        study.tell(first.number(), TrialState.FAIL);
        Trial second = study.ask();
        assertThat(pending.of(running(), frozen(second), SPACE)).isEmpty();
        assertThat(pending.of(List.of(firstRunning), frozen(second), SPACE)).as("forgotten").isEmpty();
    }
}
