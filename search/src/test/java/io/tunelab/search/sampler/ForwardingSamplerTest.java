package io.tunelab.search.sampler;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.search.sampler.tpe.TpeSampler;
import io.tunelab.search.study.Objective;
import io.tunelab.search.study.Study;
import io.tunelab.search.trial.FrozenTrial;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ForwardingSamplerTest {
    private static final Objective BOWL = t -> Math.pow(t.suggestFloat("x", -5, 10) - 1, 2)
            + Math.pow(t.suggestInt("n", 0, 20) - 3, 2);

    private static final class Plain extends ForwardingSampler {
        Plain(Sampler delegate) {
            super(delegate);
        }
    }

    @Test
    void aWrapperWithoutOverridesProposesWhatItsDelegateProposesAndKeepsItsNameAndDescription() {
        TpeSampler tpe = new TpeSampler(RandomStreams.seeded(5));
        Plain wrapped = new Plain(new TpeSampler(RandomStreams.seeded(5)));
        List<Map<String, Object>> direct = params(tpe);
        List<Map<String, Object>> forwarded = params(wrapped);

        assertThat(forwarded).isEqualTo(direct);
        assertThat(wrapped.describe()).isEqualTo(tpe.describe());
        assertThat(wrapped.decidesFromViewOnly()).isEqualTo(tpe.decidesFromViewOnly());
    }

    private static List<Map<String, Object>> params(Sampler sampler) {
        Study study = Study.builder("forwarding").sampler(sampler).seed(5).create();
        study.optimize(BOWL, 25);
        assertThat(study.trials()).hasSize(25)
                .allMatch(t -> "tpe".equals(Sampler.turnOf(t)), "recorded as tpe's turns");
        return study.trials().stream().map(FrozenTrial::params).toList();
    }
}
