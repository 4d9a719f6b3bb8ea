package io.tunelab.search.sampler.gp;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.search.sampler.RandomStreams;
import io.tunelab.search.study.OptimizeOptions;
import io.tunelab.search.study.Study;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.TrialState;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class GpSamplerTest {

    @Test
    void constrainedGpSearchesAlongTheConstraintBoundaryAndFindsAFeasiblePointOnIt() {
        Study study = Study.builder("constrained").seed(2).sampler(new GpSampler(RandomStreams.seeded(2))).create();
        study.optimize(t -> {
            double x = t.suggestFloat("x", 0, 1);
            double y = t.suggestFloat("y", 0, 1);
            t.setConstraints(x + y - 1);
            return -(x + y);
        }, OptimizeOptions.trials(30).withParallelism(1));
        List<FrozenTrial> complete = study.trials(EnumSet.of(TrialState.COMPLETE));
        List<FrozenTrial> late = complete.subList(15, 30);
        long nearBoundary = late.stream().filter(t -> Math.abs(t.internalParam("x") + t.internalParam("y") - 1) < 0.05).count();
        assertThat(nearBoundary).isGreaterThanOrEqualTo(10);
        double bestFeasible = complete.stream().filter(t -> t.internalParam("x") + t.internalParam("y") <= 1)
                .mapToDouble(t -> t.internalParam("x") + t.internalParam("y")).max().orElseThrow();
        assertThat(bestFeasible).isGreaterThan(0.97);
    }

    @Test
    void fitSetPastTheCapKeepsTheBestHalfFeasibleFirstAndTheMostRecentRest() {
        List<FrozenTrial> trials = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Map<String, Object> attrs = i == 0 ? Map.of("constraints", List.of(1.0)) : Map.of();
            trials.add(new FrozenTrial(i, i, TrialState.COMPLETE, List.of((double) (10 - i) % 7), null, null, Map.of(),
                    Map.of(), new TreeMap<>(), attrs, Map.of(), null));
        }
        List<FrozenTrial> chosen = FitSet.choose(trials, Direction.MINIMIZE, 4);
        // losses: 3,2,1,0,6,5,4,3,2,1 (trial 0 infeasible); best two feasible: 3 (0.0), 2 (1.0) / 9 (1.0)
        assertThat(chosen).extracting(FrozenTrial::number).containsExactly(2, 3, 8, 9);
        assertThat(FitSet.choose(trials, Direction.MINIMIZE, 10)).hasSize(10);
    }
}
