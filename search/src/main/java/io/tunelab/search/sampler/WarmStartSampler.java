package io.tunelab.search.sampler;

import io.tunelab.search.space.Distribution;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.FilteredStudyView;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.StudyView;
import io.tunelab.search.trial.TrialState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warm start: a sampler that sees, besides the study's own trials, the compatible COMPLETE trials of an
 * earlier study as prior observations. TPE models them with its own observations, GP fits them, and
 * CMA-ES starts its first run from the best of them (they precede its first proposal), all without
 * knowing they are borrowed: every call reaches the wrapped sampler with a {@link StudyView} that lists
 * the prior trials first, numbered below 0.
 *
 * <p>Which prior trials are compatible is decided once: a prior trial is used when its values match the study's
 * directions and each of its parameters is in the study's space, with the same distribution. The others are ignored,
 * and one log line says how many. When the space is declared beforehand (a study file declares it; {@link
 * #WarmStartSampler(Sampler, StudyView, double, Map)}), that space decides, at the first trial, and the prior trials
 * inform every trial from the first, as trials added to an Optuna study do. Otherwise (define-by-run: the space shows
 * only as trials run) the study's first COMPLETE trial's parameters are the space, and until a trial's view shows a
 * complete trial the wrapped sampler sees the study alone. {@code weight} (0 to 1] is the share of the
 * compatible trials used, taken at evenly spaced ranks from best to worst so that good and bad regions
 * stay represented: 0.5 uses every second one. Thread-safe.
 *
 * <p>The wrapped sampler's own draws should not repeat the earlier study's: {@code StudyBuilder.warmStartFrom} builds
 * it on streams {@linkplain RandomStreams#warmStartedFrom warm-started from} the earlier study, so the same seed does
 * not draw the earlier study's random start-up points again.
 */
public final class WarmStartSampler implements Sampler {
    private static final Logger LOG = LoggerFactory.getLogger(WarmStartSampler.class);

    private final Sampler inner;
    private final String source;
    private final List<Direction> sourceDirections;
    private final List<FrozenTrial> candidates;
    private final double weight;
    /** The declared space, or null to take the first complete trial's. */
    private final Map<String, Distribution> space;
    private volatile List<FrozenTrial> prior;
    /** Per started trial, whether its view showed a complete trial when it started (see {@link #view}). */
    private final Map<Long, Boolean> showsComplete = new ConcurrentHashMap<>();

    /**
     * @param inner   the sampler to warm-start
     * @param earlier the earlier study; its COMPLETE trials are read now
     * @param weight  the share of compatible prior trials to use, in (0, 1]
     */
    public WarmStartSampler(Sampler inner, StudyView earlier, double weight) {
        this(inner, earlier, weight, null);
    }

    /**
     * A warm start whose compatible prior trials are those that fit {@code space}, the study's declared space (every
     * parameter a trial may suggest, conditional ones included), and which inform every trial from the first.
     *
     * @param space the declared space, or null to take the parameters of the study's first complete trial
     */
    public WarmStartSampler(Sampler inner, StudyView earlier, double weight, Map<String, Distribution> space) {
        if (!(weight > 0) || weight > 1) {
            throw new SamplerException("warm start weight must be in (0, 1], got " + weight);
        }
        this.inner = inner;
        this.source = earlier.name();
        this.sourceDirections = List.copyOf(earlier.directions());
        this.candidates = List.copyOf(earlier.trials(EnumSet.of(TrialState.COMPLETE)));
        this.weight = weight;
        this.space = space == null ? null : Map.copyOf(space);
    }

    /** The wrapped sampler. */
    public Sampler inner() {
        return inner;
    }

    /**
     * The prior trials in use: empty until they are decided, at the first trial with a declared space, otherwise when a
     * trial's view first shows a COMPLETE trial.
     */
    public List<FrozenTrial> prior() {
        List<FrozenTrial> p = prior;
        return p == null ? List.of() : p;
    }

    /**
     * {@code study} with the prior trials; with a declared space always, otherwise if {@code trial}'s view showed a
     * complete trial when the trial started (its distributions decide which prior trials fit), else {@code study}
     * alone. The test is made once per trial, on its own view, never on what another trial decided meanwhile, so in the
     * deterministic parallel mode a trial gets the prior in every schedule or in none, and the storage is read for it
     * once per trial rather than once per call.
     */
    private StudyView view(StudyView study, FrozenTrial trial) {
        if (space == null && !showedComplete(study, trial)) {
            return study;
        }
        List<FrozenTrial> p = prior;
        if (p == null) {
            p = decide(study, space != null ? space
                    : study.trials(EnumSet.of(TrialState.COMPLETE)).get(0).distributions());
        }
        return p.isEmpty() ? study : new WithPriorTrials(study, p);
    }

    /** Whether {@code trial}'s view showed a complete trial when it started (or now, for a call outside a trial). */
    private boolean showedComplete(StudyView study, FrozenTrial trial) {
        Boolean shown = showsComplete.get(trial.id());
        return shown != null ? shown : !study.trials(EnumSet.of(TrialState.COMPLETE)).isEmpty();
    }

    private synchronized List<FrozenTrial> decide(StudyView study, Map<String, Distribution> space) {
        if (prior != null) {
            return prior;
        }
        List<FrozenTrial> compatible = new ArrayList<>();
        boolean sameDirections = sourceDirections.equals(study.directions());
        for (FrozenTrial t : candidates) {
            if (sameDirections && t.values().size() == study.directions().size() && fits(t, space)) {
                compatible.add(t);
            }
        }
        int ignored = candidates.size() - compatible.size();
        compatible.sort(Comparator.comparingDouble((FrozenTrial t) -> study.directions().get(0).asLoss(t.values().get(0)))
                .thenComparingInt(FrozenTrial::number));
        int keep = (int) Math.ceil(weight * compatible.size());
        List<FrozenTrial> chosen = new ArrayList<>(keep);
        for (int i = 0; i < keep; i++) {
            chosen.add(compatible.get((int) Math.floor(i * (double) compatible.size() / keep)));
        }
        chosen.sort(Comparator.comparingInt(FrozenTrial::number));
        List<FrozenTrial> renumbered = new ArrayList<>(chosen.size());
        for (int i = 0; i < chosen.size(); i++) {
            FrozenTrial t = chosen.get(i);
            Map<String, Object> attrs = new LinkedHashMap<>(t.systemAttrs());
            attrs.keySet().removeIf(k -> !k.equals("fixed_params"));
            attrs.put("warm_start_of", source + "#" + t.number());
            renumbered.add(new FrozenTrial(-1L - i, i - chosen.size(), t.state(), t.values(), t.start(), t.end(),
                    t.params(), t.distributions(), t.intermediateValues(), t.userAttrs(), attrs, t.message()));
        }
        LOG.info("Warm start of study '{}' from study '{}': {} of its {} complete trials used as prior observations"
                        + "{}", study.name(), source, renumbered.size(), candidates.size(),
                ignored == 0 ? "" : "; " + ignored + " ignored (" + (sameDirections ? "parameters or distributions differ"
                        : "directions " + sourceDirections + " differ from " + study.directions()) + ")");
        prior = List.copyOf(renumbered);
        return prior;
    }

    private static boolean fits(FrozenTrial t, Map<String, Distribution> space) {
        for (Map.Entry<String, Distribution> e : t.distributions().entrySet()) {
            if (!e.getValue().equals(space.get(e.getKey()))) {
                return false;
            }
        }
        return !t.distributions().isEmpty();
    }

    @Override
    public Map<String, Distribution> relativeSearchSpace(StudyView study, FrozenTrial trial) {
        return inner.relativeSearchSpace(view(study, trial), trial);
    }

    @Override
    public Map<String, Double> sampleRelative(StudyView study, FrozenTrial trial, Map<String, Distribution> space) {
        return inner.sampleRelative(view(study, trial), trial, space);
    }

    @Override
    public double sampleIndependent(StudyView study, FrozenTrial trial, String name, Distribution distribution) {
        return inner.sampleIndependent(view(study, trial), trial, name, distribution);
    }

    @Override
    public void beforeTrial(StudyView study, FrozenTrial trial) {
        if (space == null) {
            showsComplete.put(trial.id(), !study.trials(EnumSet.of(TrialState.COMPLETE)).isEmpty());
        }
        inner.beforeTrial(view(study, trial), trial);
    }

    @Override
    public void afterTrial(StudyView study, FrozenTrial trial, TrialState state, List<Double> values) {
        inner.afterTrial(view(study, trial), trial, state, values);
        showsComplete.remove(trial.id());
    }

    @Override
    public boolean isExhausted(StudyView study) {
        return inner.isExhausted(study);
    }

    @Override
    public Map<String, Object> trialAttrs(StudyView study, FrozenTrial trial) {
        return inner.trialAttrs(view(study, trial), trial);
    }

    /** The inner sampler's: the prior trials are fixed, so they add nothing that depends on the schedule. */
    @Override
    public boolean decidesFromViewOnly() {
        return inner.decidesFromViewOnly();
    }

    @Override
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>(inner.describe());
        m.put("warm_start", Map.of("study", source, "weight", weight));
        return m;
    }

    /** The study with prior trials listed first (COMPLETE, numbered below 0). */
    private record WithPriorTrials(StudyView study, List<FrozenTrial> prior) implements FilteredStudyView {

        @Override
        public List<FrozenTrial> trials(Set<TrialState> states) {
            List<FrozenTrial> own = study.trials(states);
            if (!states.contains(TrialState.COMPLETE)) {
                return own;
            }
            List<FrozenTrial> all = new ArrayList<>(prior.size() + own.size());
            all.addAll(prior);
            all.addAll(own);
            return all;
        }
    }
}
