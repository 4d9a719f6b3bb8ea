package io.tunelab.search.sampler;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.search.sampler.auto.AutoOptions;
import io.tunelab.search.sampler.auto.AutoSampler;
import io.tunelab.search.sampler.cmaes.CmaesSampler;
import io.tunelab.search.sampler.gp.GpSampler;
import io.tunelab.search.sampler.nsga2.Nsga2Sampler;
import io.tunelab.search.sampler.qmc.QmcSampler;
import io.tunelab.search.sampler.tpe.TpeOptions;
import io.tunelab.search.sampler.tpe.TpeSampler;
import io.tunelab.search.trial.FrozenTrial;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Runs {@link SamplerContract} on every sampler: adding a sampler here is one nested class. */
class EverySamplerKeepsTheContractTest {
    @Nested
    class RandomContract extends SamplerContract {
        @Override
        protected Sampler sampler(RandomStreams s) {
            return new RandomSampler(s);
        }
    }

    @Nested
    class TpeContract extends SamplerContract {
        @Override
        protected Sampler sampler(RandomStreams s) {
            return new TpeSampler(s);
        }
    }

    @Nested
    class TpeOptunaMultivariateContract extends SamplerContract {
        @Override
        protected Sampler sampler(RandomStreams s) {
            return new TpeSampler(s, TpeOptions.optuna().withMultivariate(true, true));
        }
    }

    @Nested
    class GpContract extends SamplerContract {
        @Override
        protected Sampler sampler(RandomStreams s) {
            return new GpSampler(s);
        }
    }

    @Nested
    class Nsga2Contract extends SamplerContract {
        @Override
        protected Sampler sampler(RandomStreams s) {
            return new Nsga2Sampler(s);
        }
    }

    @Nested
    class QmcContract extends SamplerContract {
        @Override
        protected Sampler sampler(RandomStreams s) {
            return new QmcSampler(s);
        }
    }

    @Nested
    class CmaesContract extends SamplerContract {
        @Override
        protected Sampler sampler(RandomStreams s) {
            return new CmaesSampler(s);
        }
    }

    @Nested
    class AutoContract extends SamplerContract {
        @Override
        protected Sampler sampler(RandomStreams s) {
            return new AutoSampler(s);
        }
    }

    @Nested
    class AutoWithTurnsByCreditContract extends SamplerContract {
        @Override
        protected Sampler sampler(RandomStreams s) {
            return new AutoSampler(s, AutoOptions.defaults().withCreditMinParameters(1));
        }
    }

    @Nested
    class GridContract extends SamplerContract {
        @Override
        protected Sampler sampler(RandomStreams s) {
            return new GridSampler(SamplerContract.FINITE_SPACE, SamplerContract::finiteConfiguration);
        }

        @Override
        protected Space space() {
            return Space.FINITE;
        }

        @Override
        protected boolean drawsRandomness() {
            return false;
        }
    }

    /**
     * {@code auto} on a numeric space, handing over to CMA-ES after 20 trials instead of 250 (its defaults otherwise), so
     * that a run of the contract passes through every phase of the numeric route.
     */
    @Nested
    class AutoNumericContract extends SamplerContract {
        @Override
        protected Sampler sampler(RandomStreams s) {
            return new AutoSampler(s, new AutoOptions(250, 20, 0, 3, 3, AutoOptions.LOCAL_MAX_PARAMETERS,
                    AutoOptions.CREDIT_MIN_PARAMETERS, AutoOptions.REGION_MIN_PARAMETERS));
        }

        @Override
        protected Space space() {
            return Space.NUMERIC;
        }

        @Test
        void aRunPassesThroughTheRandomStartUpGpLocalGpTpeAndCmaes() {
            Set<String> samplers = run(1, 1).trials().stream().map(FrozenTrial::systemAttrs)
                    .map(a -> String.valueOf(a.get(Sampler.SAMPLER_ATTR))).collect(Collectors.toSet());
            assertThat(samplers).contains("random", "gp", "gp-local", "tpe", "cmaes");
        }
    }
}
