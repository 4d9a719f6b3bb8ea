package io.tunelab.bench.samplers;

import io.tunelab.search.sampler.RandomSampler;
import io.tunelab.search.storage.InMemoryStorage;
import io.tunelab.search.study.OptimizeOptions;
import io.tunelab.search.study.Study;
import io.tunelab.search.trial.FrozenTrial;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The scale of a problem's values for {@code --noise}: the median regret of {@value #POINTS} uniform random points (the
 * problem's own suggestions sampled by {@link RandomSampler} with the fixed seed {@value #SEED}), so a noise level means
 * the same share of a problem's typical spread on every problem, whatever its units. Computed once per problem name.
 * Thread-safe.
 */
public final class NoiseScale {
    static final int POINTS = 1000;
    static final long SEED = 7;
    private static final Map<String, Double> SCALES = new ConcurrentHashMap<>();

    private NoiseScale() {
    }

    /** The median of f(x) − f* over the random points; {@code problem} must have a single objective. */
    public static double of(BenchProblem problem) {
        if (problem.isMultiObjective()) {
            throw new IllegalArgumentException("noise scale: " + problem.name() + " has several objectives");
        }
        return SCALES.computeIfAbsent(problem.name(), n -> compute(problem));
    }

    private static double compute(BenchProblem problem) {
        Study study = Study.builder("noise-scale/" + problem.name()).storage(new InMemoryStorage())
                .sampler(new RandomSampler(SEED)).create();
        study.optimize(t -> problem.evaluate(t)[0], OptimizeOptions.trials(POINTS).withParallelism(1));
        double[] regrets = study.trials().stream().mapToDouble(FrozenTrial::value).map(v -> v - problem.optimum())
                .sorted().toArray();
        return (regrets[POINTS / 2 - 1] + regrets[POINTS / 2]) / 2;
    }
}
