package io.tunelab.dashboard.data;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.TrialState;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class TrialReadsTest {
    private static FrozenTrial trial(int number) {
        return new FrozenTrial(number, number, TrialState.COMPLETE, List.of(1.0), null, null, Map.of(), Map.of(), new TreeMap<>(),
                Map.of(), Map.of(), null);
    }

    @Test
    void twoReadsAreTheSameOnlyWhenTheyHoldTheVerySameSnapshotsInOrder() {
        FrozenTrial a = trial(0);
        FrozenTrial b = trial(1);
        assertThat(TrialReads.same(List.of(a, b), List.of(a, b))).isTrue();
        assertThat(TrialReads.same(List.of(a, b), List.of(a, trial(1)))).as("an equal but new snapshot: the trial changed").isFalse();
        assertThat(TrialReads.same(List.of(a, b), List.of(b, a))).isFalse();
        assertThat(TrialReads.same(List.of(a, b), List.of(a))).isFalse();
        assertThat(TrialReads.same(List.of(), List.of())).isTrue();
    }
}
