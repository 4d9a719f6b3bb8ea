package io.tunelab.search.sampler.gp;

import io.tunelab.search.SearchException;
import io.tunelab.search.sampler.IntersectionSearchSpace;
import io.tunelab.search.sampler.KnownPoints;
import io.tunelab.search.sampler.PendingPoints;
import io.tunelab.search.sampler.RandomSampler;
import io.tunelab.search.sampler.RandomStreams;
import io.tunelab.search.sampler.Sampler;
import io.tunelab.search.space.Distribution;
import io.tunelab.search.space.SearchSpaceTransform;
import io.tunelab.search.trial.Constraints;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.StudyView;
import io.tunelab.search.trial.TrialState;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gaussian-process Bayesian optimisation (Jones et al. 1998; Snoek et al. 2012, "Practical Bayesian
 * optimization of machine learning algorithms"). After {@link GpOptions#startupTrials()} random trials,
 * the intersection space of the complete trials is mapped to the unit cube by
 * {@link SearchSpaceTransform} (log scale, widened int cells, one-hot categoricals); a GP with a
 * Matérn-5/2 ARD kernel (one length scale per parameter; categoricals by same/different category,
 * {@link KernelLayout}) and a noise term is fitted to the standardised losses by maximising the
 * marginal likelihood (with restarts) — or, when losses span orders of magnitude, the space has at least
 * {@link GpOptions#warpMinParameters} parameters and the model explains them better that way, to the losses
 * on a log scale above their median ({@link LossWarping}, chosen by the marginal likelihood of the losses
 * themselves) — one more GP per reported constraint, and the next point
 * maximises the constrained log expected improvement ({@link Acquisition}) inside TuRBO-1's trust region
 * ({@link GpOptions#adaptiveRegion}, on by default; Eriksson et al. 2019): a box around the best feasible trial, its
 * sides scaled by the length scales, growing after improvements and shrinking after failures ({@link TurboLength}).
 * Over the whole cube EI keeps choosing the far, uncertain boundary: on BBOB's development split two fifths of the
 * proposals had a coordinate on a bound in 5 dimensions, and in the region half as many, with lower regrets in 2, 5
 * and 10 dimensions (docs/sampler-benchmarks.md). The incumbent EI has to beat
 * is the best posterior mean at a feasible observed point (plug-in EI; Picheny et al. 2013), since with
 * a noise term the model never expects to match the luckiest observation and EI would then favour
 * only the most uncertain points, the corners of the cube. Infeasible trials are never the incumbent.
 * The fit set is capped ({@link FitSet}); when the cap applies it is logged. Trials still running
 * (other workers, other processes) enter the model at the mean observed loss (constant liar,
 * {@link PendingPoints}), so parallel workers do not propose the same point. In a space whose parameters all hold
 * finitely many values ({@link Distribution#isFinite}: ints, stepped floats, categoricals), a proposal never repeats
 * the parameters of a finished (complete, pruned or failed) or pending trial while the acquisition optimiser scored
 * any other point ({@link KnownPoints}): EI is maximised over the continuous relaxation, and its maximiser next to
 * the incumbent snaps back into the incumbent's cell, which gives nothing new (BBOB with stepped coordinates, development split:
 * without the rule, worse than random search on several functions). Continuous and mixed spaces keep repeats: on
 * BBOB's development split forbidding them there gained in 2-D but changed one run of 360 from 5-D up, for the
 * worse, and the rule written beforehand asked for no loss (docs/sampler-benchmarks.md).
 *
 * <p>Single-objective studies only. Parameters outside the relative space are drawn at random.
 * Thread-safe; randomness comes from the injected {@link RandomStreams}.
 */
public final class GpSampler implements Sampler {
    private static final Logger LOG = LoggerFactory.getLogger(GpSampler.class);
    private static final int HYPERPARAMETER_CAP = 100;

    private final RandomStreams streams;
    private final GpOptions options;
    private final IntersectionSearchSpace intersection = new IntersectionSearchSpace();
    private final Map<String, double[]> warmStarts = new ConcurrentHashMap<>();
    private final AtomicBoolean capLogged = new AtomicBoolean();
    private final PendingPoints pending = new PendingPoints();

    public GpSampler(RandomStreams streams, GpOptions options) {
        this.streams = streams;
        this.options = options;
    }

    public GpSampler(RandomStreams streams) {
        this(streams, GpOptions.defaults());
    }

    /** Default settings, seeded with {@code seed} (as {@code new RandomSampler(seed)}). */
    public GpSampler(long seed) {
        this(RandomStreams.seeded(seed));
    }

    @Override
    public Map<String, Distribution> relativeSearchSpace(StudyView study, FrozenTrial trial) {
        if (study.isMultiObjective()) {
            throw new SearchException("GP sampler supports single-objective studies; study '" + study.name()
                    + "' has " + study.directions().size() + " objectives (use NSGA-II or TPE)");
        }
        List<FrozenTrial> complete = study.trials(EnumSet.of(TrialState.COMPLETE));
        if (complete.size() < options.startupTrials()) {
            return Map.of();
        }
        Map<String, Distribution> space = new LinkedHashMap<>(intersection.compute(complete));
        space.values().removeIf(Distribution::isSingle);
        return space;
    }

    @Override
    public Map<String, Double> sampleRelative(StudyView study, FrozenTrial trial, Map<String, Distribution> space) {
        if (space.isEmpty()) {
            return Map.of();
        }
        Direction direction = study.direction();
        List<FrozenTrial> complete = study.trials(EnumSet.of(TrialState.COMPLETE));
        List<FrozenTrial> fit = FitSet.choose(complete, direction, options.fitCap());
        if (fit.size() < complete.size()) {
            String msg = "GP sampler of study '{}' fits {} of {} complete trials (cap {}: best half and most recent)";
            if (capLogged.compareAndSet(false, true)) {
                LOG.info(msg, study.name(), fit.size(), complete.size(), options.fitCap());
            } else {
                LOG.debug(msg, study.name(), fit.size(), complete.size(), options.fitCap());
            }
        }
        SearchSpaceTransform transform = new SearchSpaceTransform(space);
        int n = fit.size();
        double[][] x = new double[n][];
        double[] loss = new double[n];
        double[][] constraintValues = new double[n][];
        boolean[] feasible = new boolean[n];
        for (int i = 0; i < n; i++) {
            FrozenTrial t = fit.get(i);
            Map<String, Double> internal = new LinkedHashMap<>();
            for (String name : space.keySet()) {
                internal.put(name, t.internalParam(name));
            }
            x[i] = transform.toUnit(internal);
            loss[i] = direction.asLoss(t.value());
            constraintValues[i] = Constraints.of(t);
            feasible[i] = Constraints.violation(t) == 0;
        }
        SplittableRandom random = streams.forTrial(trial.number(), "gp");
        KernelLayout layout = KernelLayout.of(transform);
        int[] hyperRows = hyperparameterRows(fit, direction);
        List<Map<String, Double>> pendingParams = pending.of(study.trials(EnumSet.of(TrialState.RUNNING)), trial, space);
        List<double[]> pendingPoints = new ArrayList<>(pendingParams.size());
        for (Map<String, Double> p : pendingParams) {
            pendingPoints.add(transform.toUnit(p));
        }
        GaussianProcess objective = fitObjective(x, loss, hyperRows, layout, pendingPoints, transform.dimension(),
                options.warps(space.size()), random);
        double best = Double.NaN;
        List<double[]> incumbents = new ArrayList<>();
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, java.util.Comparator.comparingDouble(i -> loss[i]));
        for (int i : order) {
            if (feasible[i]) {
                // plug-in incumbent: the best posterior mean at an observed feasible point, not the
                // best noisy observation, which the smoothed model would never expect to beat
                double mean = objective.predict(x[i])[0];
                best = Double.isNaN(best) ? mean : Math.min(best, mean);
                if (incumbents.size() < 5) {
                    incumbents.add(x[i]);
                }
            }
        }
        List<GaussianProcess> constraintGps = new ArrayList<>();
        int m = constraintCount(constraintValues);
        double[] thresholds = new double[m];
        for (int c = 0; c < m; c++) {
            double[] raw = new double[n];
            for (int i = 0; i < n; i++) {
                raw[i] = constraintValues[i][c];
            }
            Standardized s = Standardized.of(raw);
            constraintGps.add(fitGp(x, s.values(), hyperRows, layout, pendingPoints, "constraint" + c + ":" + transform.dimension(),
                    random));
            thresholds[c] = s.standardize(0);
        }
        Acquisition acquisition = new Acquisition(objective, best, constraintGps, thresholds);
        TrustRegion region = region(complete, direction, x, loss, feasible, incumbents, objective, layout, transform);
        KnownPoints known = knownPoints(study, space, pendingParams);
        double[] chosen = AcquisitionOptimizer.maximize(acquisition, transform, incumbents, options, region, known, random);
        if (options.adaptiveRegion(objective.noise()) && !options.trustRegion() && !known.isEmpty()
                && known.contains(transform.fromUnit(chosen))) {
            // every point scored in the trust region is a known one (a finite space used up there): the whole cube
            chosen = AcquisitionOptimizer.maximize(acquisition, transform, incumbents, options,
                    TrustRegion.whole(transform.dimension()), known, random);
        }
        Map<String, Double> proposal = transform.fromUnit(chosen);
        pending.remember(trial.number(), proposal);
        return proposal;
    }

    /**
     * Where the acquisition is maximised: the local step's box ({@link GpOptions#trustRegion}), TuRBO-1's box around
     * the best feasible observation ({@link GpOptions#adaptiveRegion}; its side from the complete trials in trial
     * order, warm-start trials included), or the whole cube (also when nothing is feasible yet, and, with {@link
     * GpOptions#regionWhileExplained}, when the fit's noise variance marks the losses as too rugged).
     */
    private TrustRegion region(List<FrozenTrial> complete, Direction direction, double[][] x, double[] loss,
                               boolean[] feasible, List<double[]> incumbents, GaussianProcess objective,
                               KernelLayout layout, SearchSpaceTransform transform) {
        boolean[] numeric = AcquisitionOptimizer.numericCoordinates(transform);
        if (options.trustRegion()) {
            return TrustRegion.around(x, loss, feasible, numeric);
        }
        if (!options.adaptiveRegion(objective.noise()) || incumbents.isEmpty()) {
            return TrustRegion.whole(transform.dimension());
        }
        double[] inOrder = new double[complete.size()];
        for (int i = 0; i < inOrder.length; i++) {
            FrozenTrial t = complete.get(i);
            inOrder[i] = Constraints.violation(t) == 0 ? direction.asLoss(t.value()) : Double.POSITIVE_INFINITY;
        }
        double length = TurboLength.of(inOrder, options.startupTrials(), transform.space().size());
        return TrustRegion.adaptive(incumbents.get(0), length, objective.kernel().lengthScales(), layout.group(), numeric);
    }

    /**
     * In a space of finitely many values, the points of the finished trials (complete, pruned or failed: fitted or
     * not) and the pending ones; none elsewhere (see the class comment).
     */
    private static KnownPoints knownPoints(StudyView study, Map<String, Distribution> space,
                                           List<Map<String, Double>> pending) {
        if (!KnownPoints.applies(space)) {
            return KnownPoints.none();
        }
        return KnownPoints.ofTrials(space, study.trials(EnumSet.of(TrialState.COMPLETE, TrialState.PRUNED,
                TrialState.FAIL))).plus(pending);
    }

    /**
     * Rows of {@code fit} the hyperparameters are fitted on: all up to {@value #HYPERPARAMETER_CAP}, then
     * the best half and the most recent rest ({@link FitSet}); each likelihood evaluation costs O(n³),
     * and this keeps an ask at 250 trials in 10 dimensions under 100 ms while the model is still
     * conditioned on the whole fit set.
     */
    private static int[] hyperparameterRows(List<FrozenTrial> fit, Direction direction) {
        List<FrozenTrial> chosen = FitSet.choose(fit, direction, HYPERPARAMETER_CAP);
        Map<FrozenTrial, Integer> row = new java.util.IdentityHashMap<>();
        for (int i = 0; i < fit.size(); i++) {
            row.put(fit.get(i), i);
        }
        return chosen.stream().mapToInt(row::get).toArray();
    }

    /** Number of constraints every fitted trial reports (0 if they disagree or report none). */
    private static int constraintCount(double[][] values) {
        int m = values.length == 0 ? 0 : values[0].length;
        for (double[] v : values) {
            if (v.length != m) {
                return 0;
            }
        }
        return m;
    }

    /**
     * The GP of the losses, standardised as they are or after {@link LossWarping#logAboveMedian}, whichever
     * explains the losses better: the higher marginal likelihood of the losses themselves, that is of the
     * model's targets plus the log-Jacobian of the map from losses to targets (a warped GP; Snelson et al.
     * 2004, with the warping chosen rather than learned).
     */
    private GaussianProcess fitObjective(double[][] x, double[] loss, int[] hyperRows, KernelLayout layout,
                                         List<double[]> pendingPoints, int dimension, boolean warp,
                                         SplittableRandom random) {
        Standardized plain = Standardized.of(loss);
        BoxLbfgs.Result plainFit = fitTheta(x, plain.values(), hyperRows, layout, "objective:" + dimension, random);
        double[] warpedLoss = warp ? LossWarping.logAboveMedian(loss) : null;
        if (warpedLoss == null) {
            return condition(x, plain.values(), plainFit.x(), layout, pendingPoints);
        }
        Standardized warped = Standardized.of(warpedLoss);
        BoxLbfgs.Result warpedFit = fitTheta(x, warped.values(), hyperRows, layout, "objective-log:" + dimension, random);
        // densities of the losses: the targets' density times the Jacobian of the map from losses to targets
        double plainEvidence = plainFit.value() - hyperRows.length * Math.log(plain.scale());
        double warpedEvidence = warpedFit.value() - hyperRows.length * Math.log(warped.scale());
        for (int i : hyperRows) {
            warpedEvidence -= warpedLoss[i]; // log |d/dy log(y − min + offset)| = −log(y − min + offset)
        }
        return warpedEvidence > plainEvidence
                ? condition(x, warped.values(), warpedFit.x(), layout, pendingPoints)
                : condition(x, plain.values(), plainFit.x(), layout, pendingPoints);
    }

    /**
     * Fits the hyperparameters to the observations {@code (x, y)} (standardised, mean 0) of rows
     * {@code hyperRows}, then conditions on all of them and on the pending points, each with the lie 0:
     * the mean of the observations (CL-mean). A pending point's variance collapses, so the acquisition
     * looks elsewhere.
     */
    private GaussianProcess fitGp(double[][] x, double[] y, int[] hyperRows, KernelLayout layout,
                                  List<double[]> pendingPoints, String key, SplittableRandom random) {
        return condition(x, y, fitTheta(x, y, hyperRows, layout, key, random).x(), layout, pendingPoints);
    }

    /** The hyperparameters fitted to rows {@code hyperRows}, with the log posterior there. */
    private BoxLbfgs.Result fitTheta(double[][] x, double[] y, int[] hyperRows, KernelLayout layout, String key,
                                     SplittableRandom random) {
        int restarts = x.length <= options.restartsUntil() ? options.restarts() : 0;
        double[][] hx = new double[hyperRows.length][];
        double[] hy = new double[hyperRows.length];
        for (int i = 0; i < hyperRows.length; i++) {
            hx[i] = x[hyperRows[i]];
            hy[i] = y[hyperRows[i]];
        }
        BoxLbfgs.Result fit = HyperparameterFit.fit(hx, hy, layout, warmStarts.get(key), restarts, random);
        warmStarts.put(key, fit.x());
        return fit;
    }

    /** Conditions the GP with hyperparameters θ on all observations and on the pending points (lie 0). */
    private static GaussianProcess condition(double[][] x, double[] y, double[] theta, KernelLayout layout,
                                             List<double[]> pendingPoints) {
        double[][] all = x;
        double[] targets = y;
        if (!pendingPoints.isEmpty()) {
            all = java.util.Arrays.copyOf(x, x.length + pendingPoints.size());
            targets = java.util.Arrays.copyOf(y, y.length + pendingPoints.size());
            for (int i = 0; i < pendingPoints.size(); i++) {
                all[x.length + i] = pendingPoints.get(i);
            }
        }
        return GaussianProcess.condition(all, targets, MarginalLikelihood.kernel(theta, layout),
                MarginalLikelihood.noise(theta));
    }

    /**
     * Records {@code gp}, or {@code gp-local} when the acquisition is confined to a {@link TrustRegion}; a trial of the
     * random start-up (fewer complete trials than {@link GpOptions#startupTrials()} in the ask's view) records {@code
     * random}, start-up of that name ({@link Sampler#startupAttrs}).
     */
    @Override
    public Map<String, Object> trialAttrs(StudyView study, FrozenTrial trial) {
        String name = options.trustRegion() ? "gp-local" : "gp";
        return study.trials(EnumSet.of(TrialState.COMPLETE)).size() < options.startupTrials()
                ? Sampler.startupAttrs(name) : Map.of(SAMPLER_ATTR, name);
    }

    @Override
    public double sampleIndependent(StudyView study, FrozenTrial trial, String name, Distribution distribution) {
        return RandomSampler.draw(distribution, streams.forTrial(trial.number(), name));
    }

    /** Yes: decisions depend on the view, the trial number, the seeded streams and
     * (warm starts, own proposals) the asks before, which deterministic mode makes in number order. */
    @Override
    public boolean decidesFromViewOnly() {
        return true;
    }

    @Override
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "gp");
        m.put("seed", streams.seed());
        m.putAll(options.describe());
        return m;
    }
}
