package io.tunelab.search.sampler;

import io.tunelab.search.sampler.auto.AutoOptions;
import io.tunelab.search.sampler.auto.AutoSampler;
import io.tunelab.search.sampler.cmaes.CmaesSampler;
import io.tunelab.search.sampler.gp.GpSampler;
import io.tunelab.search.sampler.nsga2.Nsga2Sampler;
import io.tunelab.search.sampler.qmc.QmcSampler;
import io.tunelab.search.sampler.tpe.TpeOptions;
import io.tunelab.search.sampler.tpe.TpeSampler;
import org.junit.jupiter.api.Nested;

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
}
