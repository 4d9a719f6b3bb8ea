package io.tunelab.search.sampler.cmaes;

import io.tunelab.search.sampler.IntersectionSearchSpace;
import io.tunelab.search.sampler.RandomSampler;
import io.tunelab.search.sampler.RandomStreams;
import io.tunelab.search.sampler.Sampler;
import io.tunelab.search.sampler.SamplerException;
import io.tunelab.search.space.CategoricalDistribution;
import io.tunelab.search.space.Distribution;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.StudyView;
import io.tunelab.search.trial.TrialState;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * CMA-ES (Hansen's tutorial; see {@link CmaState}) over the numeric parameters of the intersection space,
 * mapped to the unit cube (log scale for log parameters, one cell per admissible value of an int or a
 * stepped float). Integer and stepped parameters get the margin correction ({@link IntegerMargin});
 * a run that stops progressing restarts with a doubled population (IPOP). Categorical parameters and
 * parameters outside the intersection space are drawn by the independent sampler, the random sampler
 * as in Optuna's {@code CmaEsSampler}.
 *
 * <p>After {@link CmaOptions#startupTrials()} complete trials the strategy starts; when complete trials
 * not produced by this sampler precede it (another sampler's, or a warm start's prior observations), the
 * best of them set its initial mean and covariance. Each proposed trial records its generation and
 * unrounded point as the system attribute {@code cmaes}, and the strategy is replayed from those
 * ({@link CmaReplay}), so the sampler is deterministic per seed in a sequential study, consistent across
 * processes sharing a study, and resumes a reloaded study where it stopped. Single-objective only.
 * Thread-safe; randomness comes from the injected {@link RandomStreams}, per trial.
 */
public final class CmaesSampler implements Sampler {
    private final RandomStreams streams;
    private final CmaOptions options;
    private final IntersectionSearchSpace intersection = new IntersectionSearchSpace();
    private final Map<Long, Map<String, Object>> proposed = new ConcurrentHashMap<>();
    private CmaReplay replay;

    public CmaesSampler(RandomStreams streams, CmaOptions options) {
        this.streams = streams;
        this.options = options;
    }

    public CmaesSampler(RandomStreams streams) {
        this(streams, CmaOptions.defaults());
    }

    public CmaesSampler(long seed) {
        this(RandomStreams.seeded(seed));
    }

    @Override
    public Map<String, Distribution> relativeSearchSpace(StudyView study, FrozenTrial trial) {
        if (study.isMultiObjective()) {
            throw new SamplerException("the CMA-ES sampler supports single-objective studies; study '" + study.name()
                    + "' has " + study.directions().size() + " objectives (use NSGA-II or TPE)");
        }
        List<FrozenTrial> complete = study.trials(EnumSet.of(TrialState.COMPLETE));
        if (complete.size() < Math.max(1, options.startupTrials())) {
            return Map.of();
        }
        Map<String, Distribution> space = new LinkedHashMap<>(intersection.compute(complete));
        space.values().removeIf(d -> d.isSingle() || d instanceof CategoricalDistribution);
        return space;
    }

    @Override
    public Map<String, Double> sampleRelative(StudyView study, FrozenTrial trial, Map<String, Distribution> space) {
        if (space.isEmpty()) {
            return Map.of();
        }
        List<FrozenTrial> complete = study.trials(EnumSet.of(TrialState.COMPLETE));
        CmaReplay.Proposal p;
        synchronized (this) {
            if (replay == null || !replay.space().equals(space)) {
                replay = new CmaReplay(space, options, streams, complete, study.direction());
            }
            p = replay.ask(complete, study.direction(), streams.forTrial(trial.number(), "cmaes"));
        }
        proposed.put(trial.id(), p.attr());
        return p.internal();
    }

    @Override
    public double sampleIndependent(StudyView study, FrozenTrial trial, String name, Distribution distribution) {
        return RandomSampler.draw(distribution, streams.forTrial(trial.number(), name));
    }

    /**
     * Records {@code cmaes} and the proposal {@link CmaReplay} reads back; a trial drawn before the strategy starts
     * records {@code random}, start-up of {@code cmaes} ({@link Sampler#startupAttrs}).
     */
    @Override
    public Map<String, Object> trialAttrs(StudyView study, FrozenTrial trial) {
        Map<String, Object> attrs = new LinkedHashMap<>();
        if (study.trials(EnumSet.of(TrialState.COMPLETE)).size() < Math.max(1, options.startupTrials())) {
            proposed.remove(trial.id());
            return Sampler.startupAttrs("cmaes");
        }
        attrs.put(SAMPLER_ATTR, "cmaes");
        Map<String, Object> p = proposed.remove(trial.id());
        if (p != null) {
            attrs.put(CmaReplay.ATTR, p);
        }
        return attrs;
    }

    /** Restarts so far (0 while the first run lasts), as of the last proposal. */
    public synchronized int restarts() {
        return replay == null ? 0 : replay.restarts();
    }

    /** The current run's population size, as of the last proposal (0 before the first). */
    public synchronized int popsize() {
        return replay == null ? 0 : replay.popsize();
    }

    /**
     * True: a proposal depends on the complete trials of the view (replayed in trial-number order), the trial number and
     * the seeded streams, never on when trials finished.
     */
    @Override
    public boolean decidesFromViewOnly() {
        return true;
    }

    @Override
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "cmaes");
        m.put("seed", streams.seed());
        m.putAll(options.describe());
        return m;
    }
}
