package io.tunelab.search.sampler.tpe;

import io.tunelab.search.sampler.IntersectionSearchSpace;
import io.tunelab.search.sampler.KnownPoints;
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
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Tree-structured Parzen Estimator (Bergstra et al. 2011, "Algorithms for hyper-parameter
 * optimization", NeurIPS; multivariate and group variants after Falkner et al. 2018 and Optuna).
 * After {@link TpeOptions#startupTrials()} random trials, observations are split into a good group
 * (the best {@code gamma(n)}) and the rest; a {@link ParzenEstimator} is fitted to each, l(x) and
 * g(x); {@link TpeOptions#eiCandidates()} candidates are drawn from l and the one maximising
 * l(x)/g(x), which maximises expected improvement, is suggested; in a numeric relative space of at most {@link
 * TpeOptions#SMALL_SPACE_MAX_PARAMETERS} parameters the multivariate decision draws {@link
 * TpeOptions#smallSpaceEiCandidates()} instead, when that is not 0 ({@link TpeOptions#eiCandidatesFor}).
 *
 * <p>Univariate mode models each parameter alone, from the trials that hold it, so any
 * define-by-run space works. Multivariate mode models the intersection space jointly; with
 * {@code group} it models each group of a {@link GroupDecomposedSearchSpace} jointly, and parameters
 * outside the relative space (new or conditional ones) are still sampled univariately. With {@link
 * TpeOptions#categoricalsAlone()} each categorical of a group is decided first, by its own l/g ratio
 * as in univariate TPE, and the group's numeric parameters are then drawn jointly <em>given</em> those
 * choices: a categorical kernel is nearly one-hot, so in a plain product kernel a choice without good
 * observations is proposed only by the prior and with numeric values tuned for another choice (on the
 * mixed HPO surrogate the best learning rate depends on the optimiser), and the joint model locks onto
 * the first choice that did well. Given the choices, each component of l and g is reweighed by the
 * probability its kernels give them, so the observations that made the same choices dominate, and
 * once the chosen branch has enough observations ({@value #BRANCH_MIN_GOOD} in its good group) the
 * good/bad split itself is made within the branch, as in a tree-structured space. Infeasible
 * trials (see {@link io.tunelab.search.trial.Constraints}) never enter the good group while a
 * feasible trial exists. With the constant liar, RUNNING trials count as bad observations, so that
 * parallel workers are steered away from the points being evaluated.
 *
 * <p>With {@link TpeOptions#modelCredit()} (on by default), in a numeric space of at least {@value
 * TpeOptions#MODEL_CREDIT_MIN_PARAMETERS} parameters modelled as one group with a continuous float among them, an
 * odd-numbered trial after the start-up is decided by the univariate model, at its start like any relative decision,
 * while univariate trials have improved the best value at a higher rate than multivariate ones ({@link ModelTurns});
 * each such trial records its model as the system attribute {@code tpe_model}. On BBOB's development split it
 * lowered the median regret of more functions than it raised in 5 and 10 dimensions on three disjoint sets of
 * seeds, and was left out below 4 parameters, where it did not on the second set (docs/sampler-benchmarks.md).
 * {@code auto}'s TPE turns go without it.
 *
 * <p>With several objectives TPE is MOTPE (Ozaki et al. 2020/2022; Optuna 3.1): the good group holds the same
 * number of observations, chosen among the feasible COMPLETE trials by non-dominated sorting and, within the front
 * that does not fit whole, by greedy hypervolume subset selection; each good observation weighs its hypervolume
 * contribution ({@link ParetoSelection}). Everything else (start-up, modes, conditional spaces, constant liar,
 * constraints) is as with one objective; the model credit, a single-objective rule, stays off.
 *
 * <p>In a space of finitely many values ({@link KnownPoints}: ints, stepped floats, categoricals) modelled as
 * one multivariate group that is the whole of every observed trial, a decision never repeats the parameters
 * of an observed (complete or pruned), a running or a failed trial while an unknown point remains (a running
 * trial that has not suggested its parameters yet counts with what this sampler proposed for it, {@link
 * io.tunelab.search.sampler.PendingPoints}): it takes its best-ranked candidate that is new, drawing more
 * candidates from l when all of them are known ({@value #EXTRA_CANDIDATE_BATCHES} more batches at most), and
 * when categoricals decided one at a time lead only to known points (a used-up branch), the whole group is
 * decided jointly. l's candidates come from the good points' own kernels, so without the rule one proposal in five
 * repeated a point on BBOB with coordinates stepped by 0.5 in 2-D (development split; docs/sampler-benchmarks.md).
 * Univariate mode, conditional spaces and spaces with a continuous parameter are unchanged.
 *
 * <p>Cost per decision: the finished trials live in an {@link ObservationLog} per study, kept across asks and
 * updated with only the trials that finished since (finished trials never change); the study's snapshot is read
 * once per trial, and every decision of the trial, one for a parameter its objective suggests late included, models
 * the finished trials of that snapshot only (so the deterministic parallel mode holds for such parameters too). A
 * decision then takes a few O(n) passes over primitive arrays (split, weights, neighbour bandwidths from the
 * column's kept sort order, truncation constants) and scores the candidates against only the kernels close enough
 * to matter ({@link SortedKernels}); no sorting, boxing or map look-ups per observation. With several objectives the
 * good group is selected once per snapshot and shared by the decisions that model the same observations ({@link
 * TpeSplit.Pareto}), peeling off only the first fronts it needs ({@link
 * io.tunelab.search.trial.ParetoFront#firstFronts}: O(n log n) with two objectives). Thread-safe; all randomness
 * comes from the injected {@link RandomStreams}, per trial and parameter.
 */
public final class TpeSampler implements Sampler {

    /**
     * With categoricals chosen first, the numeric parameters are modelled from the chosen branch alone
     * (the trials that made the same choices) once its good group would hold at least this many
     * trials, that is once the branch has 21 or more observations; smaller branches borrow the whole
     * group's observations, reweighed towards the branch. On held-out seeds of the mixed HPO surrogate,
     * 3 kept a worse optimiser in fewer runs than 1, 2 or never (1,000).
     */
    static final int BRANCH_MIN_GOOD = 3;
    /**
     * When every EI candidate of a decision is a {@link KnownPoints known point} (a space of finitely many values
     * nearly used up around the good points), up to this many more batches of candidates are drawn from l, whose
     * prior component reaches every cell, before a repeat is accepted. A bound on the work of a rare case, not a
     * tuned figure.
     */
    static final int EXTRA_CANDIDATE_BATCHES = 9;
    private final RandomStreams streams;
    private final TpeOptions options;
    private final IntersectionSearchSpace intersection = new IntersectionSearchSpace();
    private final GroupDecomposedSearchSpace groups = new GroupDecomposedSearchSpace();
    private final TrialViews views;
    private final Map<Long, String> models = new ConcurrentHashMap<>();

    public TpeSampler(RandomStreams streams, TpeOptions options) {
        this.streams = streams;
        this.options = options;
        this.views = new TrialViews(options.constantLiar());
    }

    /** TPE with {@link TpeOptions#defaults()}. */
    public TpeSampler(RandomStreams streams) {
        this(streams, TpeOptions.defaults());
    }

    /** Default settings, seeded with {@code seed} (as {@code new RandomSampler(seed)}). */
    public TpeSampler(long seed) {
        this(RandomStreams.seeded(seed));
    }

    public TpeOptions options() {
        return options;
    }

    @Override
    public Map<String, Distribution> relativeSearchSpace(StudyView study, FrozenTrial trial) {
        if (!options.multivariate()
                || views.view(study, trial).observed() < Math.max(1, options.startupTrials())) {
            return Map.of();
        }
        List<FrozenTrial> complete = study.trials(EnumSet.of(TrialState.COMPLETE));
        Map<String, Distribution> space = new LinkedHashMap<>();
        long varied = 1;
        if (options.group()) {
            List<Map<String, Distribution>> decomposed = groups.compute(complete);
            decomposed.forEach(space::putAll);
            varied = decomposed.stream().filter(g -> g.values().stream().anyMatch(d -> !d.isSingle())).count();
        } else {
            space.putAll(intersection.compute(complete));
        }
        space.values().removeIf(Distribution::isSingle);
        if (!study.isMultiObjective() && ModelTurns.apply(options, space, varied)) {
            models.put(trial.id(), ModelTurns.choose(trial.number(), complete, study.direction()));
        }
        return space;
    }

    @Override
    public Map<String, Double> sampleRelative(StudyView study, FrozenTrial trial, Map<String, Distribution> space) {
        if (ModelTurns.UNIVARIATE.equals(models.get(trial.id()))) {
            // a univariate turn, decided now as sampleIndependent would decide each parameter: from this trial's view
            TrialViews.View view = views.view(study, trial);
            TpeOptions univariate = options.withMultivariate(false, false);
            Map<String, Double> out = new LinkedHashMap<>();
            space.forEach((name, d) -> out.putAll(sampleGroup(view, trial, Map.of(name, d), univariate, Map.of(),
                    KnownPoints.none())));
            return out;
        }
        List<Map<String, Distribution>> parts = new ArrayList<>();
        if (options.group()) {
            List<Map<String, Distribution>> known = groups.current();
            Set<String> covered = new HashSet<>();
            known.forEach(g -> covered.addAll(g.keySet()));
            if (!covered.containsAll(space.keySet())) {
                known = groups.compute(study.trials(EnumSet.of(TrialState.COMPLETE)));
            }
            for (Map<String, Distribution> g : known) {
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
        TrialViews.View view = views.view(study, trial);
        KnownPoints known = parts.size() == 1 ? view.knownPoints(parts.get(0)) : KnownPoints.none();
        TpeOptions decision = options.withEiCandidates(options.eiCandidatesFor(space));
        for (Map<String, Distribution> part : parts) {
            Map<String, Double> chosen = new LinkedHashMap<>();
            if (decision.categoricalsAlone() && part.size() > 1) {
                for (Map.Entry<String, Distribution> e : part.entrySet()) {
                    if (e.getValue() instanceof CategoricalDistribution) {
                        chosen.putAll(sampleGroup(view, trial, Map.of(e.getKey(), e.getValue()), decision, Map.of(),
                                KnownPoints.none()));
                    }
                }
            }
            Map<String, Double> decided = chosen.size() == part.size() ? chosen
                    : sampleGroup(view, trial, part, decision, chosen, known);
            if (!chosen.isEmpty() && known.contains(decided)) {
                // the categoricals chose a branch whose points are all known (as far as l reaches): decide jointly
                decided = sampleGroup(view, trial, part, decision, Map.of(), known);
            }
            out.putAll(decided);
        }
        if (parts.size() == 1 && KnownPoints.applies(parts.get(0))) {
            view.pending().remember(trial.number(), out); // forgotten at a later decision of the same kind
        }
        return out;
    }

    @Override
    public double sampleIndependent(StudyView study, FrozenTrial trial, String name, Distribution distribution) {
        TrialViews.View view = views.view(study, trial);
        if (view.observed() < options.startupTrials()) {
            return RandomSampler.draw(distribution, streams.forTrial(trial.number(), name));
        }
        TpeOptions univariate = options.multivariate() ? options.withMultivariate(false, false) : options;
        return sampleGroup(view, trial, Map.of(name, distribution), univariate, Map.of(), KnownPoints.none()).get(name);
    }

    /**
     * One decision for the parameters of {@code part}; those in {@code fixed} (already chosen
     * categoricals) keep their choice index, and the others are drawn from l conditioned on them and
     * ranked by l/g at those choices. The decision is the best-ranked candidate that is not one of the
     * {@code known} points, or the best-ranked one when every candidate is.
     */
    private Map<String, Double> sampleGroup(TrialViews.View view, FrozenTrial trial, Map<String, Distribution> part,
                                            TpeOptions opts, Map<String, Double> fixed, KnownPoints known) {
        List<String> names = new ArrayList<>(part.keySet());
        List<Distribution> dists = new ArrayList<>(part.values());
        TpeSplit split;
        synchronized (view.log()) {
            ObservationColumn[] columns = new ObservationColumn[names.size()];
            for (int j = 0; j < columns.length; j++) {
                columns[j] = view.log().column(names.get(j), dists.get(j));
            }
            split = TpeSplit.of(view.log(), columns, view.liars(), opts, TpeSplit.free(columns.length), view.seen());
            if (!fixed.isEmpty()) {
                double[] given = given(names, fixed);
                TpeSplit branch = TpeSplit.of(view.log(), columns, view.liars(), opts, given, view.seen());
                if (branch.below().size() >= BRANCH_MIN_GOOD) {
                    split = branch;
                }
            }
        }
        double[] belowWeights = split.paretoWeights() != null ? Weights.withPrior(split.paretoWeights(), opts.priorWeight())
                : opts.improvementWeights() ? split.improvementWeights(opts.priorWeight()) : null;
        ParzenEstimator below = new ParzenEstimator(split.below(), dists, opts, belowWeights);
        ParzenEstimator above = new ParzenEstimator(split.above(), dists, opts, null);
        SplittableRandom random = streams.forTrial(trial.number(), "tpe:" + String.join(",", names));
        double[] given = given(names, fixed);
        double[][] candidates = fixed.isEmpty() ? below.sample(random, opts.eiCandidates())
                : below.sampleGiven(random, opts.eiCandidates(), given);
        double[] l = below.logPdf(candidates);
        double[] g = above.logPdf(candidates);
        int best = 0;
        for (int i = 1; i < candidates.length; i++) {
            if (l[i] - g[i] > l[best] - g[best]) {
                best = i;
            }
        }
        Map<String, Double> out = decoded(names, dists, candidates[best]);
        if (!known.contains(out)) {
            return out;
        }
        Map<String, Double> next = bestUnknown(names, dists, candidates, l, g, known);
        for (int batch = 1; next == null && batch <= EXTRA_CANDIDATE_BATCHES; batch++) {
            double[][] more = fixed.isEmpty() ? below.sample(random, opts.eiCandidates())
                    : below.sampleGiven(random, opts.eiCandidates(), given);
            next = bestUnknown(names, dists, more, below.logPdf(more), above.logPdf(more), known);
        }
        return next != null ? next : out;
    }

    /** The best-ranked (by l/g) of {@code candidates} that is not a known point; null when all are. */
    private static Map<String, Double> bestUnknown(List<String> names, List<Distribution> dists, double[][] candidates,
                                                   double[] l, double[] g, KnownPoints known) {
        Integer[] order = new Integer[candidates.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(l[b] - g[b], l[a] - g[a]));
        for (int i : order) {
            Map<String, Double> next = decoded(names, dists, candidates[i]);
            if (!known.contains(next)) {
                return next;
            }
        }
        return null;
    }

    /** A candidate's internal values by name (numeric coordinates decoded and snapped, choice indices kept). */
    private static Map<String, Double> decoded(List<String> names, List<Distribution> dists, double[] candidate) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (int j = 0; j < names.size(); j++) {
            Distribution d = dists.get(j);
            double x = candidate[j];
            out.put(names.get(j), d instanceof CategoricalDistribution ? x
                    : SearchSpaceTransform.decode(d, new double[] {x}, 0));
        }
        return out;
    }

    private static double[] given(List<String> names, Map<String, Double> fixed) {
        double[] given = new double[names.size()];
        for (int j = 0; j < given.length; j++) {
            given[j] = fixed.getOrDefault(names.get(j), Double.NaN);
        }
        return given;
    }

    /**
     * Records {@code tpe}, and the model that proposed the trial when {@link TpeOptions#modelCredit} chose it; a trial
     * of the random start-up (its view holds fewer finished trials than {@link TpeOptions#startupTrials()}) records
     * {@code random}, start-up of {@code tpe} ({@link Sampler#startupAttrs}).
     */
    @Override
    public Map<String, Object> trialAttrs(StudyView study, FrozenTrial trial) {
        String model = models.remove(trial.id());
        if (views.view(study, trial).observed() < options.startupTrials()) {
            return Sampler.startupAttrs("tpe");
        }
        return model == null ? Map.of(SAMPLER_ATTR, "tpe") : Map.of(SAMPLER_ATTR, "tpe", ModelTurns.ATTR, model);
    }

    @Override
    public void afterTrial(StudyView study, FrozenTrial trial, TrialState state, List<Double> values) {
        views.forget(study, trial);
        models.remove(trial.id());
    }

    /** Yes: decisions depend on the view, the trial number and the seeded streams only. */
    @Override
    public boolean decidesFromViewOnly() {
        return true;
    }

    /** Takes the trial's snapshot at its start, so that it does not depend on when the objective suggests. */
    @Override
    public void beforeTrial(StudyView study, FrozenTrial trial) {
        views.view(study, trial);
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
