package io.tunelab.search.sampler;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.TrialState;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** What a trial records of the sampler that chose it, and how that reads. */
class SamplerAttrsTest {

    private static FrozenTrial recording(Map<String, Object> attrs) {
        return new FrozenTrial(1, 4, TrialState.COMPLETE, List.of(1.0), null, null, Map.of(), Map.of(), new TreeMap<>(),
                Map.of(), attrs, null);
    }

    @Test
    void aStartUpTrialReadsAsRandomWithTheStartUpItServedAndItsTurnIsThatSamplers() {
        FrozenTrial startUp = recording(Sampler.startupAttrs("gp"));
        assertThat(Sampler.label(startUp)).isEqualTo("random (gp start-up)");
        assertThat(Sampler.turnOf(startUp)).isEqualTo("gp");
    }

    @Test
    void aModelTrialReadsAsItsSamplerAndATrialWithoutOneAsNothing() {
        FrozenTrial tpe = recording(Map.of(Sampler.SAMPLER_ATTR, "tpe"));
        assertThat(Sampler.label(tpe)).isEqualTo("tpe");
        assertThat(Sampler.turnOf(tpe)).isEqualTo("tpe");
        assertThat(Sampler.label(recording(Map.of()))).isNull();
        assertThat(Sampler.turnOf(recording(Map.of()))).isNull();
    }
}
