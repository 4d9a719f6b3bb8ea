package io.tunelab.search.sampler.qmc;

import io.tunelab.search.sampler.RandomSampler;
import io.tunelab.search.sampler.RandomStreams;
import io.tunelab.search.sampler.Sampler;
import io.tunelab.search.space.CategoricalDistribution;
import io.tunelab.search.space.Distribution;
import io.tunelab.search.space.SearchSpaceTransform;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.StudyView;
import io.tunelab.search.trial.TrialState;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Quasi-random search: the parameters of a known search space are taken together from a (by default
 * scrambled) {@link SobolSequence}, which covers the space more evenly than independent random draws,
 * as Optuna's {@code QMCSampler} does.
 *
 * <p>The relative space is the one given at construction, or else the space of the lowest-numbered
 * COMPLETE trial (fixed once known; parameters with a single value left out), with parameters in
 * name order. Trial {@code n} takes Sobol point {@code n}, so a study run in parallel gets the same
 * point per trial number as a sequential one, and in deterministic mode the same parameters whatever the parallelism
 * ({@link #decidesFromViewOnly()}). Each parameter takes one coordinate: numeric ones through
 * {@link SearchSpaceTransform#decode} (log-aware, steps and integers rounded), a categorical with
 * {@code k} choices the choice {@code floor(u * k)} (Optuna samples categoricals independently
 * instead). Parameters outside the relative space, and every parameter before the space is known, are
 * drawn by a {@link RandomSampler} on the same streams.
 *
 * <p>The scramble is seeded from the study's {@link RandomStreams}: same seed, same points. Thread-safe.
 */
public final class QmcSampler implements Sampler {
    private final RandomStreams streams;
    private final boolean scramble;
    private final Map<String, Distribution> givenSpace;
    private final RandomSampler independent;
    private final AtomicReference<Map<String, Distribution>> inferredSpace = new AtomicReference<>();
    private final Map<Integer, SobolSequence> sequences = new ConcurrentHashMap<>();

    /**
     * @param streams  the study's random streams (scramble and independent draws)
     * @param scramble whether to scramble the sequence (recommended; the plain sequence starts at the origin)
     * @param space    the space to sample relatively, or empty to take the first completed trial's
     */
    public QmcSampler(RandomStreams streams, boolean scramble, Map<String, Distribution> space) {
        this.streams = streams;
        this.scramble = scramble;
        this.givenSpace = sortedWithoutSingles(space);
        this.independent = new RandomSampler(streams);
    }

    /** Scrambled Sobol over the space of the first completed trial. */
    public QmcSampler(RandomStreams streams) {
        this(streams, true, Map.of());
    }

    /** Scrambled Sobol over the space of the first completed trial, seeded with {@code seed}. */
    public QmcSampler(long seed) {
        this(RandomStreams.seeded(seed));
    }

    private static Map<String, Distribution> sortedWithoutSingles(Map<String, Distribution> space) {
        Map<String, Distribution> sorted = new TreeMap<>();
        space.forEach((name, d) -> {
            if (!d.isSingle()) {
                sorted.put(name, d);
            }
        });
        return Collections.unmodifiableMap(new LinkedHashMap<>(sorted));
    }

    @Override
    public Map<String, Distribution> relativeSearchSpace(StudyView study, FrozenTrial trial) {
        if (!givenSpace.isEmpty()) {
            return givenSpace;
        }
        Map<String, Distribution> known = inferredSpace.get();
        if (known != null) {
            return known;
        }
        List<FrozenTrial> complete = study.trials(EnumSet.of(TrialState.COMPLETE));
        if (complete.isEmpty()) {
            return Map.of();
        }
        inferredSpace.compareAndSet(null, sortedWithoutSingles(complete.get(0).distributions()));
        return inferredSpace.get();
    }

    @Override
    public Map<String, Double> sampleRelative(StudyView study, FrozenTrial trial, Map<String, Distribution> space) {
        if (space.isEmpty()) {
            return Map.of();
        }
        double[] u = sequence(space.size()).point(trial.number());
        Map<String, Double> values = new LinkedHashMap<>();
        int i = 0;
        for (Map.Entry<String, Distribution> p : space.entrySet()) {
            values.put(p.getKey(), decode(p.getValue(), u, i++));
        }
        return values;
    }

    private static double decode(Distribution distribution, double[] u, int at) {
        if (distribution instanceof CategoricalDistribution c) {
            return Math.min(c.choices().size() - 1, (int) Math.floor(u[at] * c.choices().size()));
        }
        return SearchSpaceTransform.decode(distribution, u, at);
    }

    private SobolSequence sequence(int dimension) {
        return sequences.computeIfAbsent(dimension, d -> scramble
                ? SobolSequence.scrambled(d, streams.forStudy("qmc-sobol-scramble"))
                : SobolSequence.unscrambled(d));
    }

    @Override
    public double sampleIndependent(StudyView study, FrozenTrial trial, String name, Distribution distribution) {
        return independent.sampleIndependent(study, trial, name, distribution);
    }

    /**
     * True: trial {@code n} takes Sobol point {@code n}, the relative space is the given one or that of the lowest-numbered
     * complete trial in the view, and independent draws come from the trial's own streams.
     */
    @Override
    public boolean decidesFromViewOnly() {
        return true;
    }

    @Override
    public Map<String, Object> describe() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("type", "qmc");
        d.put("qmc_type", "sobol");
        d.put("scramble", scramble);
        d.put("seed", streams.seed());
        if (!givenSpace.isEmpty()) {
            d.put("space", new ArrayList<>(givenSpace.keySet()));
        }
        return d;
    }
}
