package io.tunelab.search.sampler.tpe;

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
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The Tree-structured Parzen Estimator (Bergstra et al. 2011, "Algorithms for hyper-parameter
 * optimization", NeurIPS; multivariate and group variants after Falkner et al. 2018 and Optuna).
 * After {@link TpeOptions#startupTrials()} random trials, observations are split into a good group
 * (the best {@code gamma(n)}) and the rest; a {@link ParzenEstimator} is fitted to each, l(x) and
 * g(x); {@link TpeOptions#eiCandidates()} candidates are drawn from l and the one maximising
 * l(x)/g(x), which maximises expected improvement, is suggested.
 *
 * <p>Univariate mode models each parameter alone, from the trials that hold it, so any
 * define-by-run space works. Multivariate mode models the intersection space jointly; with
 * {@code group} it models each group of a {@link GroupDecomposedSearchSpace} jointly. Infeasible
 * trials (see {@link io.tunelab.search.trial.Constraints}) never enter the good group while a
 * feasible trial exists. With the constant liar, RUNNING trials count as bad observations, so that
 * parallel workers are steered away from the points being evaluated.
 *
 * <p>Cost per decision is O(n) in the history (one ranking per trial, cached; one pass per
 * parameter), plus candidates × components kernel evaluations. Thread-safe; all randomness comes from
 * the injected {@link RandomStreams}, per trial and parameter.
 */
public final class TpeSampler implements Sampler {
    private static final int HISTORY_CACHE = 64;

    private final RandomStreams streams;
    private final TpeOptions options;
    private final IntersectionSearchSpace intersection = new IntersectionSearchSpace();
    private final GroupDecomposedSearchSpace groups = new GroupDecomposedSearchSpace();
    private final Map<Integer, TpeHistory> histories = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, TpeHistory> eldest) {
            return size() > HISTORY_CACHE;
        }
    };

    public TpeSampler(RandomStreams streams, TpeOptions options) {
        this.streams = streams;
        this.options = options;
    }

    /** TPE with Optuna's defaults. */
    public TpeSampler(RandomStreams streams) {
        this(streams, TpeOptions.defaults());
    }

    public TpeOptions options() {
        return options;
    }

    @Override
    public Map<String, Distribution> relativeSearchSpace(StudyView study, FrozenTrial trial) {
        if (!options.multivariate() || history(study, trial).observed() < Math.max(1, options.startupTrials())) {
            return Map.of();
        }
        List<FrozenTrial> complete = study.trials(EnumSet.of(TrialState.COMPLETE));
        Map<String, Distribution> space = new LinkedHashMap<>();
        if (options.group()) {
            groups.compute(complete).forEach(space::putAll);
        } else {
            space.putAll(intersection.compute(complete));
        }
        space.values().removeIf(Distribution::isSingle);
        return space;
    }

    @Override
    public Map<String, Double> sampleRelative(StudyView study, FrozenTrial trial, Map<String, Distribution> space) {
        List<Map<String, Distribution>> parts = new ArrayList<>();
        if (options.group()) {
            for (Map<String, Distribution> g : groups.compute(study.trials(EnumSet.of(TrialState.COMPLETE)))) {
                Map<String, Distribution> part = new LinkedHashMap<>(g);
                part.keySet().retainAll(space.keySet());
                if (!part.isEmpty()) {
                    parts.add(part);
                }
            }
        } else {
            parts.add(space);
        }
        Map<String, Double> out = new LinkedHashMap<>();
        TpeHistory history = history(study, trial);
        for (Map<String, Distribution> part : parts) {
            out.putAll(sampleGroup(history, trial, part));
        }
        return out;
    }

    @Override
    public double sampleIndependent(StudyView study, FrozenTrial trial, String name, Distribution distribution) {
        TpeHistory history = history(study, trial);
        if (history.observed() < options.startupTrials()) {
            return RandomSampler.draw(distribution, streams.forTrial(trial.number(), name));
        }
        TpeOptions univariate = options.multivariate() ? options.withMultivariate(false, false) : options;
        return sampleGroup(history, trial, Map.of(name, distribution), univariate).get(name);
    }

    private Map<String, Double> sampleGroup(TpeHistory history, FrozenTrial trial, Map<String, Distribution> part) {
        return sampleGroup(history, trial, part, options);
    }

    private Map<String, Double> sampleGroup(TpeHistory history, FrozenTrial trial, Map<String, Distribution> part,
                                            TpeOptions opts) {
        List<String> names = new ArrayList<>(part.keySet());
        List<Distribution> dists = new ArrayList<>(part.values());
        TpeHistory.Split split = history.split(t -> holds(t, part), opts);
        ParzenEstimator below = new ParzenEstimator(split.below(), names, dists, opts);
        ParzenEstimator above = new ParzenEstimator(split.above(), names, dists, opts);
        SplittableRandom random = streams.forTrial(trial.number(), "tpe:" + String.join(",", names));
        double[][] candidates = below.sample(random, opts.eiCandidates());
        double[] l = below.logPdf(candidates);
        double[] g = above.logPdf(candidates);
        int best = 0;
        for (int i = 1; i < candidates.length; i++) {
            if (l[i] - g[i] > l[best] - g[best]) {
                best = i;
            }
        }
        Map<String, Double> out = new LinkedHashMap<>();
        for (int j = 0; j < names.size(); j++) {
            Distribution d = dists.get(j);
            double x = candidates[best][j];
            out.put(names.get(j), d instanceof CategoricalDistribution ? x
                    : SearchSpaceTransform.decode(d, new double[] {x}, 0));
        }
        return out;
    }

    private static boolean holds(FrozenTrial t, Map<String, Distribution> part) {
        for (Map.Entry<String, Distribution> e : part.entrySet()) {
            if (!e.getValue().equals(t.distributions().get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    private TpeHistory history(StudyView study, FrozenTrial trial) {
        synchronized (histories) {
            TpeHistory h = histories.get(trial.number());
            if (h != null) {
                return h;
            }
        }
        TpeHistory h = TpeHistory.read(study, trial, options.constantLiar());
        synchronized (histories) {
            histories.put(trial.number(), h);
        }
        return h;
    }

    @Override
    public void afterTrial(StudyView study, FrozenTrial trial, TrialState state, List<Double> values) {
        synchronized (histories) {
            histories.remove(trial.number());
        }
    }

    @Override
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "tpe");
        m.put("seed", streams.seed());
        m.putAll(options.describe());
        return m;
    }
}
