package io.tunelab.search.sampler.nsga2;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.uma.jmetal.operator.crossover.impl.SBXCrossover;
import org.uma.jmetal.operator.mutation.impl.PolynomialMutation;
import org.uma.jmetal.solution.doublesolution.DoubleSolution;
import org.uma.jmetal.solution.doublesolution.impl.DefaultDoubleSolution;
import org.uma.jmetal.solution.doublesolution.repairsolution.impl.RepairDoubleSolutionWithBoundValue;
import org.uma.jmetal.util.bounds.Bounds;
import org.uma.jmetal.util.pseudorandom.RandomGenerator;

/**
 * Makes one child of two parents on the unit cube with jMetal's simulated binary crossover and
 * polynomial mutation (Deb and Agrawal 1995; Deb et al. 2002). Both operators draw from a generator
 * backed by the given seeded {@link SplittableRandom}, not from jMetal's global {@code JMetalRandom};
 * only jMetal's constructor of {@link DefaultDoubleSolution} touches the global generator, to fill
 * initial variables that are overwritten at once, so results depend on the seed alone. Stateless.
 */
final class Variation {
    private Variation() {
    }

    /** A child of {@code a} and {@code b} (coordinates in [0, 1]). */
    static double[] child(double[] a, double[] b, Nsga2Options options, SplittableRandom random) {
        int d = a.length;
        RandomGenerator<Double> source = random::nextDouble;
        List<Bounds<Double>> bounds = new ArrayList<>(d);
        for (int j = 0; j < d; j++) {
            bounds.add(Bounds.create(0.0, 1.0));
        }
        SBXCrossover crossover = new SBXCrossover(options.crossoverProbability(), options.crossoverEta(),
                new RepairDoubleSolutionWithBoundValue(), source);
        double pm = Double.isNaN(options.mutationProbability()) ? 1.0 / d : options.mutationProbability();
        PolynomialMutation mutation = new PolynomialMutation(pm, options.mutationEta(),
                new RepairDoubleSolutionWithBoundValue(), source);
        List<DoubleSolution> children = crossover.execute(List.of(solution(a, bounds), solution(b, bounds)));
        DoubleSolution chosen = mutation.execute(children.get(random.nextInt(children.size())));
        double[] out = new double[d];
        for (int j = 0; j < d; j++) {
            out[j] = Math.min(1, Math.max(0, chosen.variables().get(j)));
        }
        return out;
    }

    private static DoubleSolution solution(double[] x, List<Bounds<Double>> bounds) {
        DoubleSolution s = new DefaultDoubleSolution(bounds, 1, 0);
        for (int j = 0; j < x.length; j++) {
            s.variables().set(j, x[j]);
        }
        return s;
    }
}
