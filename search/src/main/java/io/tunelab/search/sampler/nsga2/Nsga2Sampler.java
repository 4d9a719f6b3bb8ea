package io.tunelab.search.sampler.nsga2;

import io.tunelab.search.sampler.IntersectionSearchSpace;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

/**
 * NSGA-II (Deb, Pratap, Agarwal and Meyarivan 2002, "A fast and elitist multiobjective genetic
 * algorithm: NSGA-II") as an ask/tell sampler over the study's history. Trial {@code n} belongs to
 * generation {@code n / populationSize}; generation 0 is random. The parents of generation g are the
 * {@link EliteSelection elite} of generation g−1's parents and its completed trials (cached once that
 * generation has finished). Each new trial picks two parents by binary tournament (front, then
 * crowding distance) and takes one child of jMetal's SBX crossover and polynomial mutation
 * ({@link Variation}) on the unit cube of the numeric parameters; categoricals are inherited from
 * either parent and mutated with the same per-coordinate probability. Constraints are handled by
 * constrained dominance.
 *
 * <p>Thread-safe; randomness comes from the injected {@link RandomStreams}, per trial.
 */
public final class Nsga2Sampler implements Sampler {
    private final RandomStreams streams;
    private final Nsga2Options options;
    private final IntersectionSearchSpace intersection = new IntersectionSearchSpace();
    private final Map<Integer, List<EliteSelection.Member>> parentsCache = new ConcurrentHashMap<>();

    public Nsga2Sampler(RandomStreams streams, Nsga2Options options) {
        this.streams = streams;
        this.options = options;
    }

    public Nsga2Sampler(RandomStreams streams) {
        this(streams, Nsga2Options.defaults());
    }

    /** Default settings, seeded with {@code seed} (as {@code new RandomSampler(seed)}). */
    public Nsga2Sampler(long seed) {
        this(RandomStreams.seeded(seed));
    }

    @Override
    public Map<String, Distribution> relativeSearchSpace(StudyView study, FrozenTrial trial) {
        if (trial.number() < options.populationSize()) {
            return Map.of();
        }
        Map<String, Distribution> space = new LinkedHashMap<>(intersection.compute(study));
        space.values().removeIf(Distribution::isSingle);
        return space;
    }

    @Override
    public Map<String, Double> sampleRelative(StudyView study, FrozenTrial trial, Map<String, Distribution> space) {
        List<FrozenTrial> all = study.trials();
        List<EliteSelection.Member> parents = parents(study, all, trial.number() / options.populationSize());
        if (parents.size() < 2 || space.isEmpty()) {
            return Map.of();
        }
        SplittableRandom random = streams.forTrial(trial.number(), "nsga2");
        FrozenTrial a = tournament(parents, random).trial();
        FrozenTrial b = tournament(parents, random).trial();
        Map<String, Distribution> numeric = new LinkedHashMap<>();
        space.forEach((name, d) -> {
            if (!(d instanceof CategoricalDistribution)) {
                numeric.put(name, d);
            }
        });
        Map<String, Double> out = new LinkedHashMap<>();
        if (!numeric.isEmpty()) {
            SearchSpaceTransform transform = new SearchSpaceTransform(numeric);
            double[] child = Variation.child(transform.toUnit(internal(a, numeric)), transform.toUnit(internal(b, numeric)),
                    options, random);
            out.putAll(transform.fromUnit(child));
        }
        double pm = Double.isNaN(options.mutationProbability()) ? 1.0 / space.size() : options.mutationProbability();
        space.forEach((name, d) -> {
            if (d instanceof CategoricalDistribution c) {
                double v = random.nextBoolean() ? a.internalParam(name) : b.internalParam(name);
                out.put(name, random.nextDouble() < pm ? random.nextInt(c.choices().size()) : v);
            }
        });
        return out;
    }

    private static Map<String, Double> internal(FrozenTrial t, Map<String, Distribution> space) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (String name : space.keySet()) {
            m.put(name, t.internalParam(name));
        }
        return m;
    }

    /** Binary tournament: the lower front wins, then the larger crowding distance, then the first drawn. */
    private static EliteSelection.Member tournament(List<EliteSelection.Member> parents, SplittableRandom random) {
        EliteSelection.Member x = parents.get(random.nextInt(parents.size()));
        EliteSelection.Member y = parents.get(random.nextInt(parents.size()));
        if (y.rank() < x.rank() || y.rank() == x.rank() && y.crowding() > x.crowding()) {
            return y;
        }
        return x;
    }

    /** The parent population of generation {@code g} (empty for generation 0). */
    private List<EliteSelection.Member> parents(StudyView study, List<FrozenTrial> all, int g) {
        if (g <= 0) {
            return List.of();
        }
        List<EliteSelection.Member> cached = parentsCache.get(g);
        if (cached != null) {
            return cached;
        }
        int from = (g - 1) * options.populationSize();
        int to = g * options.populationSize();
        List<FrozenTrial> pool = new ArrayList<>();
        for (EliteSelection.Member m : parents(study, all, g - 1)) {
            pool.add(m.trial());
        }
        boolean finished = true;
        for (FrozenTrial t : all) {
            if (t.number() >= from && t.number() < to) {
                finished &= t.state().isFinished();
                if (t.state() == TrialState.COMPLETE) {
                    pool.add(t);
                }
            }
        }
        finished &= all.size() >= to;
        List<EliteSelection.Member> selected = EliteSelection.select(pool, study.directions(), options.populationSize());
        if (finished) {
            parentsCache.put(g, selected);
        }
        return selected;
    }

    /**
     * Records {@code nsga2}; a trial of generation 0, drawn at random, records {@code random}, start-up of {@code
     * nsga2} ({@link Sampler#startupAttrs}).
     */
    @Override
    public Map<String, Object> trialAttrs(StudyView study, FrozenTrial trial) {
        return trial.number() < options.populationSize() ? Sampler.startupAttrs("nsga2") : Map.of(SAMPLER_ATTR, "nsga2");
    }

    @Override
    public double sampleIndependent(StudyView study, FrozenTrial trial, String name, Distribution distribution) {
        return RandomSampler.draw(distribution, streams.forTrial(trial.number(), name));
    }

    /**
     * True: a trial's generation comes from its number and its parents from the trials of the view, never from when
     * trials finished.
     */
    @Override
    public boolean decidesFromViewOnly() {
        return true;
    }

    @Override
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "nsga2");
        m.put("seed", streams.seed());
        m.putAll(options.describe());
        return m;
    }
}
