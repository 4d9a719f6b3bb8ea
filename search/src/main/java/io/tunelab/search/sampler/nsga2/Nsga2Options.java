package io.tunelab.search.sampler.nsga2;

import io.tunelab.search.SearchException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Settings of {@link Nsga2Sampler}; defaults as in Deb et al. 2002 and Optuna. Immutable.
 *
 * @param populationSize       trials per generation, {@code >= 2}
 * @param crossoverProbability probability that SBX recombines the two parents
 * @param crossoverEta         SBX distribution index
 * @param mutationProbability  per-coordinate mutation probability, or NaN for 1/(number of coordinates)
 * @param mutationEta          polynomial-mutation distribution index
 */
public record Nsga2Options(int populationSize, double crossoverProbability, double crossoverEta,
                           double mutationProbability, double mutationEta) {

    public Nsga2Options {
        if (populationSize < 2) {
            throw new SearchException("populationSize must be >= 2, got " + populationSize);
        }
        if (!(crossoverProbability >= 0 && crossoverProbability <= 1)) {
            throw new SearchException("crossoverProbability must be in [0, 1], got " + crossoverProbability);
        }
        if (!Double.isNaN(mutationProbability) && !(mutationProbability >= 0 && mutationProbability <= 1)) {
            throw new SearchException("mutationProbability must be in [0, 1] or NaN, got " + mutationProbability);
        }
        if (!(crossoverEta >= 0) || !(mutationEta >= 0)) {
            throw new SearchException("distribution indices must be >= 0, got " + crossoverEta + ", " + mutationEta);
        }
    }

    /** Population 50, SBX probability 0.9 and index 20, mutation probability 1/n and index 20. */
    public static Nsga2Options defaults() {
        return new Nsga2Options(50, 0.9, 20, Double.NaN, 20);
    }

    public Nsga2Options withPopulationSize(int n) {
        return new Nsga2Options(n, crossoverProbability, crossoverEta, mutationProbability, mutationEta);
    }

    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("population_size", populationSize);
        m.put("crossover_probability", crossoverProbability);
        m.put("crossover_eta", crossoverEta);
        m.put("mutation_probability", Double.isNaN(mutationProbability) ? "1/n" : mutationProbability);
        m.put("mutation_eta", mutationEta);
        return m;
    }
}
