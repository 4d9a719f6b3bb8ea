package io.tunelab.search.sampler.auto;

import io.tunelab.search.sampler.ImprovementCredit;
import io.tunelab.search.sampler.RandomStreams;
import io.tunelab.search.sampler.Sampler;
import io.tunelab.search.sampler.cmaes.CmaesSampler;
import io.tunelab.search.sampler.gp.GpOptions;
import io.tunelab.search.sampler.gp.GpSampler;
import io.tunelab.search.sampler.nsga2.Nsga2Sampler;
import io.tunelab.search.sampler.tpe.TpeOptions;
import io.tunelab.search.sampler.tpe.TpeSampler;
import io.tunelab.search.space.Distribution;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.StudyView;
import io.tunelab.search.trial.TrialState;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * Chooses a sampler per trial, after Optuna's AutoSampler, from what the complete trials so far show:
 * <ul>
 *   <li>several objectives: NSGA-II;</li>
 *   <li>a conditional space (complete trials with different parameter names), any categorical
 *       parameter, or pruning (once the view shows a pruned trial): TPE, which models each parameter
 *       from the trials that hold it and learns from pruned trials, which GP and CMA-ES ignore;</li>
 *   <li>otherwise (numeric parameters only): GP (its losses warped only in spaces of
 *       {@link GpOptions#warpMinParameters} or more parameters, 4 by default: on the BBOB development split
 *       the warping paid in 5 and 10 dimensions and cost in 2, where TPE and an earlier hand-over to CMA-ES
 *       did worse than the unwarped GP) for the first {@link AutoOptions#gpTrials} complete trials
 *       (or until GP stalls, see {@link AutoOptions}), then CMA-ES for good, whose first
 *       run starts from the best of those trials (see {@link CmaesSampler}); prior trials of a warm start
 *       (numbered below 0, see {@link io.tunelab.search.sampler.WarmStartSampler}) inform both but do not
 *       count towards the GP trials; every {@link AutoOptions#tpeEvery}-th trial of the GP phase, by
 *       default every third, goes to TPE instead ({@link #tpeDefaults()}: without the model credit and the
 *       small spaces' candidates, which were chosen for TPE alone), conditioned on all trials: a GP+TPE portfolio that did
 *       better on BBOB's multimodal functions than GP alone; in spaces of at most
 *       {@link AutoOptions#localMaxParameters} (3) parameters every {@link AutoOptions#localEvery}-th (third)
 *       trial goes to a local GP step, recorded as {@code gp-local}, which did better there); in spaces of
 *       at least {@link AutoOptions#creditMinParameters} (by default 1: every space) parameters, the GP turn
 *       before each TPE turn (the local step where those are taken) goes to TPE while TPE's trials since the GP's
 *       random start-up have improved the incumbent at a higher rate ({@link ImprovementCredit}, {@link
 *       #creditSide}), which did better in 2, 5 and 10 dimensions; in spaces of at least {@link
 *       AutoOptions#regionMinParameters} (by default 1: every space) parameters the GP turns (not the local steps)
 *       maximise the acquisition inside TuRBO-1's trust region ({@link GpOptions#adaptiveRegion}) while the model
 *       explains the losses ({@link GpOptions#regionWhileExplained}; {@link #gpDefaults}), which did better in 2, 5
 *       and 10 dimensions.</li>
 * </ul>
 * The first trial of a study (nothing known yet) goes to GP, whose first trials are random draws
 * from the same streams. The delegate of a trial is fixed when the trial starts, serves all its
 * parameters, and is recorded as the trial's {@link Sampler#SAMPLER_ATTR} system attribute ({@code random} with
 * {@link Sampler#STARTUP_OF_ATTR} for a trial of a delegate's random start-up, such as the GP's first trials). The
 * delegates share the study's {@link RandomStreams}, so the choice and the values are deterministic
 * per seed in a sequential study. Thread-safe.
 */
public final class AutoSampler implements Sampler {
    /** The states read on every ask; never modified (the study view copies a set it keeps). */
    private static final Set<TrialState> COMPLETE = EnumSet.of(TrialState.COMPLETE);
    private static final Set<TrialState> PRUNED = EnumSet.of(TrialState.PRUNED);
    private final RandomStreams streams;
    private final AutoOptions options;
    private final int creditFrom;
    private final Sampler tpe;
    private final Sampler gp;
    private final Sampler regionGp;
    private final Sampler localGp;
    private final Sampler cmaes;
    private final Sampler nsga2;
    private final Map<Long, Sampler> delegates = new ConcurrentHashMap<>();
    private final StudyShape shape = new StudyShape();

    private AutoSampler(RandomStreams streams, AutoOptions options, GpOptions gpOptions, UnaryOperator<Sampler> decorator) {
        this.streams = streams;
        this.options = options;
        this.creditFrom = gpOptions.startupTrials();
        this.tpe = decorator.apply(new TpeSampler(streams, tpeDefaults()));
        this.gp = decorator.apply(new GpSampler(streams, gpOptions));
        this.regionGp = decorator.apply(new GpSampler(streams, gpOptions.withAdaptiveRegion(true)));
        this.localGp = decorator.apply(new GpSampler(streams, gpOptions.withTrustRegion(true)));
        this.cmaes = decorator.apply(new CmaesSampler(streams));
        this.nsga2 = decorator.apply(new Nsga2Sampler(streams));
    }

    /**
     * An automatic sampler whose GP phase runs with {@code gpOptions} and whose delegates are each wrapped by {@code
     * decorator} once, here (a benchmark times them this way). The wrapper must forward every call, {@link
     * Sampler#trialAttrs} included: the rules read the delegate's name that each trial records there. (A factory
     * method, not a constructor: a four-argument constructor would make {@code AutoSampler::new} ambiguous where a
     * {@link Sampler}, whose one abstract method takes four arguments, is also accepted.)
     */
    public static AutoSampler wrappingDelegates(RandomStreams streams, AutoOptions options, GpOptions gpOptions,
                                                UnaryOperator<Sampler> decorator) {
        return new AutoSampler(streams, options, gpOptions, decorator);
    }

    /** An automatic sampler whose GP phase runs with {@code gpOptions}. */
    public AutoSampler(RandomStreams streams, AutoOptions options, GpOptions gpOptions) {
        this(streams, options, gpOptions, UnaryOperator.identity());
    }

    public AutoSampler(RandomStreams streams, AutoOptions options) {
        this(streams, options, gpDefaults());
    }

    /**
     * The settings of the TPE turns: {@link TpeOptions#defaults()} without {@link TpeOptions#modelCredit} and {@link
     * TpeOptions#smallSpaceEiCandidates}, both chosen on BBOB for TPE alone; {@code auto}'s portfolio was chosen with
     * these.
     */
    public static TpeOptions tpeDefaults() {
        return TpeOptions.defaults().withModelCredit(false).withSmallSpaceEiCandidates(0);
    }

    /**
     * The settings of the GP turns unless given: {@link GpOptions#defaults()} over the whole unit cube
     * ({@link GpOptions#adaptiveRegion} off), with {@link GpOptions#regionWhileExplained} on for the turns that
     * search TuRBO-1's region (spaces of at least {@link AutoOptions#regionMinParameters} parameters, where the GP
     * turns run with {@code adaptiveRegion} on). The region where the model explains the losses did better than
     * the whole cube on the development split in 2, 5 and 10 dimensions; the region alone did not in 2 and 5
     * (docs/sampler-benchmarks.md).
     */
    public static GpOptions gpDefaults() {
        return GpOptions.defaults().withAdaptiveRegion(false).withRegionWhileExplained(true);
    }

    public AutoSampler(RandomStreams streams) {
        this(streams, AutoOptions.defaults());
    }

    public AutoSampler(long seed) {
        this(RandomStreams.seeded(seed));
    }

    /** The sampler this sampler would hand trial {@code number} starting now. */
    public Sampler choose(StudyView study, int number) {
        if (study.isMultiObjective()) {
            return nsga2;
        }
        StudyShape.Snapshot shape = this.shape.update(study.trials(COMPLETE), study.direction());
        if (shape.empty()) {
            return gp;
        }
        if (shape.treeStructured() || study.countTrials(PRUNED) > 0) {
            return tpe;
        }
        if (shape.cmaesStarted() || shape.own() >= options.gpTrials(shape.numeric())
                || options.stalled(shape.numeric(), shape.own(), shape.sinceImprovement())) {
            if (!shape.cmaesStarted()) {
                this.shape.cmaesStarted();
            }
            return cmaes;
        }
        if (options.tpeTurn(number) || options.swingTurn(number, shape.numeric()) && tpeLeads(study, shape.numeric())) {
            return tpe;
        }
        if (options.localTurn(number, shape.numeric())) {
            return localGp;
        }
        return options.regionTurn(shape.numeric()) ? regionGp : gp;
    }

    private boolean tpeLeads(StudyView study, int parameters) {
        ImprovementCredit credit = ImprovementCredit.of(study.trials(COMPLETE), study.direction(), creditFrom,
                AutoSampler::creditSide);
        return options.gainCredit(parameters) ? credit.challengerLeadsByGain() : credit.challengerLeads();
    }

    /**
     * The side a trial of the GP phase counts for in the swing turn's credit: TPE's trials challenge, the GP's ({@code
     * gp} and {@code gp-local} alike) defend; other delegates' are not counted. A trial counts for the delegate whose
     * turn it was ({@link Sampler#turnOf}), so a random start-up trial counts for the sampler whose start-up it was.
     */
    static ImprovementCredit.Side creditSide(FrozenTrial t) {
        String by = Sampler.turnOf(t);
        if ("tpe".equals(by)) {
            return ImprovementCredit.Side.CHALLENGER;
        }
        return "gp".equals(by) || "gp-local".equals(by) ? ImprovementCredit.Side.DEFENDER : null;
    }

    private Sampler delegate(FrozenTrial trial) {
        Sampler s = delegates.get(trial.id());
        return s != null ? s : tpe;
    }

    @Override
    public void beforeTrial(StudyView study, FrozenTrial trial) {
        Sampler s = choose(study, trial.number());
        delegates.put(trial.id(), s);
        s.beforeTrial(study, trial);
    }

    @Override
    public Map<String, Distribution> relativeSearchSpace(StudyView study, FrozenTrial trial) {
        return delegate(trial).relativeSearchSpace(study, trial);
    }

    @Override
    public Map<String, Double> sampleRelative(StudyView study, FrozenTrial trial, Map<String, Distribution> space) {
        return delegate(trial).sampleRelative(study, trial, space);
    }

    @Override
    public double sampleIndependent(StudyView study, FrozenTrial trial, String name, Distribution distribution) {
        return delegate(trial).sampleIndependent(study, trial, name, distribution);
    }

    @Override
    public Map<String, Object> trialAttrs(StudyView study, FrozenTrial trial) {
        return delegate(trial).trialAttrs(study, trial);
    }

    @Override
    public void afterTrial(StudyView study, FrozenTrial trial, TrialState state, List<Double> values) {
        Sampler s = delegates.remove(trial.id());
        (s != null ? s : tpe).afterTrial(study, trial, state, values);
    }

    /**
     * True when every delegate decides from its view only (the standard ones do; a wrapped one may not): the choice of
     * delegate depends only on the view (its complete and pruned trials, and the trial number).
     */
    @Override
    public boolean decidesFromViewOnly() {
        return Stream.of(tpe, gp, regionGp, localGp, cmaes, nsga2).allMatch(Sampler::decidesFromViewOnly);
    }

    @Override
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "auto");
        m.put("seed", streams.seed());
        m.putAll(options.describe());
        return m;
    }
}
