package io.tunelab.search.sampler.auto;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.search.sampler.ForwardingSampler;
import io.tunelab.search.sampler.RandomStreams;
import io.tunelab.search.sampler.Sampler;
import io.tunelab.search.sampler.gp.GpOptions;
import io.tunelab.search.study.Objective;
import io.tunelab.search.study.OptimizeOptions;
import io.tunelab.search.study.Study;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.StudyView;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(120)
class AutoSamplerDecoratorTest {

    private static final Objective BOWL = t -> Math.pow(t.suggestFloat("x", -5, 10) - 1, 2)
            + Math.pow(t.suggestFloat("y", 0, 15) - 2, 2);

    /** Forwards every call and counts the trials it started. */
    private static final class Counting extends ForwardingSampler {
        private final boolean fromViewOnly;
        int started;

        Counting(Sampler delegate, boolean fromViewOnly) {
            super(delegate);
            this.fromViewOnly = fromViewOnly;
        }

        @Override
        public void beforeTrial(StudyView study, FrozenTrial trial) {
            started++;
            super.beforeTrial(study, trial);
        }

        @Override
        public boolean decidesFromViewOnly() {
            return fromViewOnly && super.decidesFromViewOnly();
        }
    }

    private static List<Map<String, Object>> params(Sampler sampler) {
        Study study = Study.builder("decorated").seed(3).sampler(sampler).create();
        study.optimize(BOWL, OptimizeOptions.trials(25).withParallelism(1));
        return study.trials().stream().map(FrozenTrial::params).toList();
    }

    @Test
    void aDecoratorWrapsEachDelegateOnceSeesEveryTrialAndChangesNoParameter() {
        List<Counting> wrapped = new ArrayList<>();
        UnaryOperator<Sampler> count = d -> {
            Counting c = new Counting(d, true);
            wrapped.add(c);
            return c;
        };
        AutoOptions gpThenCmaes = new AutoOptions(5, 250, 0);
        AutoSampler decorated = AutoSampler.wrappingDelegates(RandomStreams.seeded(3), gpThenCmaes, GpOptions.defaults(), count);

        List<Map<String, Object>> seen = params(decorated);

        assertThat(wrapped).hasSize(6); // TPE, GP, GP in TuRBO-1's region, local GP, CMA-ES, NSGA-II
        assertThat(wrapped.stream().mapToInt(c -> c.started).sum()).isEqualTo(25);
        assertThat(seen).isEqualTo(params(new AutoSampler(RandomStreams.seeded(3), gpThenCmaes)));
        assertThat(decorated.decidesFromViewOnly()).isTrue();
    }

    @Test
    void itDecidesFromItsViewOnlyOnlyWhenEveryDecoratedDelegateDoes() {
        AutoSampler auto = AutoSampler.wrappingDelegates(RandomStreams.seeded(3), AutoOptions.defaults(), GpOptions.defaults(),
                d -> new Counting(d, false));
        assertThat(auto.decidesFromViewOnly()).isFalse();
    }
}
