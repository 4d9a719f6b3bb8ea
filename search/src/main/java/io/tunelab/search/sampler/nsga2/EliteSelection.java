package io.tunelab.search.sampler.nsga2;

import io.tunelab.search.trial.Constraints;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.FrozenTrial;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.uma.jmetal.solution.doublesolution.DoubleSolution;
import org.uma.jmetal.solution.doublesolution.impl.DefaultDoubleSolution;
import org.uma.jmetal.util.comparator.dominanceComparator.impl.DominanceWithConstraintsComparator;
import org.uma.jmetal.util.densityestimator.impl.CrowdingDistanceDensityEstimator;
import org.uma.jmetal.util.ranking.impl.FastNonDominatedSortRanking;

/**
 * NSGA-II's elitist survivor selection (Deb et al. 2002) over trials, with jMetal's fast
 * non-dominated sorting and crowding distance: fronts are taken whole while they fit, the last one by
 * decreasing crowding distance. Dominance is constrained dominance: a feasible trial beats an
 * infeasible one, and infeasible ones compare by total violation (see {@link Constraints}). Stateless.
 */
final class EliteSelection {
    private static final String TRIAL = "tunelab.trial";

    private EliteSelection() {
    }

    /** A survivor with its front (0 = non-dominated) and crowding distance, for tournaments. */
    record Member(FrozenTrial trial, int rank, double crowding) {
    }

    /** The best {@code size} of {@code candidates} (COMPLETE trials), ordered by trial number within fronts. */
    static List<Member> select(List<FrozenTrial> candidates, List<Direction> directions, int size) {
        List<DoubleSolution> solutions = new ArrayList<>();
        for (FrozenTrial t : candidates) {
            solutions.add(solution(t, directions));
        }
        FastNonDominatedSortRanking<DoubleSolution> ranking =
                new FastNonDominatedSortRanking<>(new DominanceWithConstraintsComparator<>());
        ranking.compute(solutions);
        List<Member> out = new ArrayList<>();
        for (int f = 0; f < ranking.getNumberOfSubFronts() && out.size() < size; f++) {
            List<DoubleSolution> front = new ArrayList<>(ranking.getSubFront(f));
            front.sort(Comparator.comparingInt(s -> ((FrozenTrial) s.attributes().get(TRIAL)).number()));
            CrowdingDistanceDensityEstimator<DoubleSolution> crowding = new CrowdingDistanceDensityEstimator<>();
            crowding.compute(front);
            if (out.size() + front.size() > size) {
                front.sort(Comparator.comparingDouble((DoubleSolution s) -> -crowding.value(s)));
                front = front.subList(0, size - out.size());
            }
            for (DoubleSolution s : front) {
                out.add(new Member((FrozenTrial) s.attributes().get(TRIAL), f, crowding.value(s)));
            }
        }
        return out;
    }

    private static DoubleSolution solution(FrozenTrial t, List<Direction> directions) {
        double[] c = Constraints.of(t);
        DoubleSolution s = new DefaultDoubleSolution(List.of(), directions.size(), c.length);
        for (int i = 0; i < directions.size(); i++) {
            s.objectives()[i] = directions.get(i).asLoss(t.values().get(i));
        }
        for (int i = 0; i < c.length; i++) {
            s.constraints()[i] = -Math.max(0, c[i]);
        }
        s.attributes().put(TRIAL, t);
        return s;
    }
}
