package io.tunelab.search.sampler;

import io.tunelab.search.space.CategoricalDistribution;
import io.tunelab.search.space.Distribution;
import io.tunelab.search.space.SearchSpaceTransform;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.StudyView;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Draws every parameter independently from its distribution: uniform, log-uniform for log
 * distributions, uniform over the grid for stepped ones, exponential for exponential ones, uniform
 * over choices. Stateless and
 * thread-safe; the value depends only on (seed, trial number, parameter name).
 */
public final class RandomSampler implements Sampler {
    private final RandomStreams streams;

    public RandomSampler(RandomStreams streams) {
        this.streams = streams;
    }

    public RandomSampler(long seed) {
        this(RandomStreams.seeded(seed));
    }

    @Override
    public double sampleIndependent(StudyView study, FrozenTrial trial, String name, Distribution distribution) {
        return draw(distribution, streams.forTrial(trial.number(), name));
    }

    /** One random internal value of {@code distribution}. */
    public static double draw(Distribution distribution, SplittableRandom random) {
        if (distribution instanceof CategoricalDistribution c) {
            return random.nextInt(c.choices().size());
        }
        double[] u = {random.nextDouble()};
        return SearchSpaceTransform.decode(distribution, u, 0);
    }

    /** Yes: decisions depend on the view, the trial number and the seeded streams only. */
    @Override
    public boolean decidesFromViewOnly() {
        return true;
    }

    @Override
    public Map<String, Object> describe() {
        return Map.of("type", "random", "seed", streams.seed());
    }
}
