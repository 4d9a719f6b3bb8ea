package io.tunelab.search.study;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.search.space.Distribution;
import io.tunelab.search.space.FloatDistribution;
import io.tunelab.search.space.IntDistribution;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.TrialState;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class SpaceChangeTest {
    private static final Distribution LR = FloatDistribution.logUniform(1e-3, 1e-1);
    private static final Distribution LAYERS = IntDistribution.uniform(1, 4);

    private static FrozenTrial trial(int number, Map<String, Object> params, Map<String, Distribution> distributions) {
        return new FrozenTrial(number, number, TrialState.COMPLETE, List.of(1.0), Instant.EPOCH, Instant.EPOCH, params,
                distributions, new TreeMap<>(), Map.of(), Map.of(), null);
    }

    @Test
    void theSameSpaceGivesNoNotice() {
        assertThat(SpaceChange.notice("s", Map.of("lr", LR), Map.of("lr", LR), List.of())).isEmpty();
    }

    @Test
    void anAddedAndARemovedParameterAreNamedWithTheEarlierTrialsHoldingTheRemovedOne() {
        List<FrozenTrial> trials = List.of(trial(0, Map.of("lr", 0.01, "layers", 2), Map.of("lr", LR, "layers", LAYERS)),
                trial(1, Map.of("lr", 0.02, "layers", 3), Map.of("lr", LR, "layers", LAYERS)));

        String notice = SpaceChange.notice("s", Map.of("lr", LR, "layers", LAYERS),
                Map.of("lr", LR, "dropout", FloatDistribution.uniform(0, 0.5)), trials).orElseThrow();

        assertThat(notice).startsWith("Study 's' resumes with a changed search space: dropout added;"
                + " layers removed (in 2 earlier trials). Earlier trials keep their values. Samplers learn");
    }

    @Test
    void aRemovedParameterAloneSaysNothingAboutSamplers() {
        String notice = SpaceChange.notice("s", Map.of("lr", LR, "layers", LAYERS), Map.of("lr", LR), List.of())
                .orElseThrow();

        assertThat(notice).isEqualTo("Study 's' resumes with a changed search space: layers removed."
                + " Earlier trials keep their values.");
    }
}
