package io.tunelab.search.sampler.tpe;

import io.tunelab.search.SearchException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Settings of {@link TpeSampler}; defaults follow Optuna's TPE ({@link #defaults()}). Immutable.
 *
 * @param startupTrials    complete or pruned trials sampled at random before TPE starts, {@code >= 0}
 * @param eiCandidates     candidates drawn from l(x) per decision; the one maximising l(x)/g(x) wins
 * @param gammaFraction    share of observations in the good group: {@code ceil(fraction * n)} ...
 * @param gammaCap         ... but at most this many
 * @param priorWeight      weight of the prior kernel (uniform-ish over the range), {@code > 0}
 * @param magicClip        clip kernel bandwidths from below at {@code range / min(100, 1 + kernels)}
 * @param considerEndpoints let the outermost kernels' bandwidths reach to the bounds
 * @param multivariate     model the parameters of the relative space jointly (product kernels)
 * @param group            with multivariate: decompose a conditional space into groups that always
 *                         occur together and model each group jointly
 * @param constantLiar     count RUNNING trials as bad observations, so that parallel workers spread out
 */
public record TpeOptions(int startupTrials, int eiCandidates, double gammaFraction, int gammaCap,
                         double priorWeight, boolean magicClip, boolean considerEndpoints,
                         boolean multivariate, boolean group, boolean constantLiar) {

    public TpeOptions {
        if (startupTrials < 0) {
            throw new SearchException("startupTrials must be >= 0, got " + startupTrials);
        }
        if (eiCandidates < 1) {
            throw new SearchException("eiCandidates must be >= 1, got " + eiCandidates);
        }
        if (!(gammaFraction > 0 && gammaFraction <= 1)) {
            throw new SearchException("gammaFraction must be in (0, 1], got " + gammaFraction);
        }
        if (gammaCap < 1) {
            throw new SearchException("gammaCap must be >= 1, got " + gammaCap);
        }
        if (!(priorWeight > 0) || !Double.isFinite(priorWeight)) {
            throw new SearchException("priorWeight must be a positive number, got " + priorWeight);
        }
        if (group && !multivariate) {
            throw new SearchException("group decomposition needs multivariate=true, got group=true, multivariate=false");
        }
    }

    /** Optuna 3.1's defaults: 10 startup trials, 24 candidates, gamma min(ceil(0.1 n), 25), prior weight 1. */
    public static TpeOptions defaults() {
        return new TpeOptions(10, 24, 0.1, 25, 1.0, true, false, false, false, false);
    }

    /** Number of observations in the good group out of {@code n}. */
    public int nBelow(int n) {
        return Math.min((int) Math.ceil(gammaFraction * n), gammaCap);
    }

    public TpeOptions withStartupTrials(int n) {
        return new TpeOptions(n, eiCandidates, gammaFraction, gammaCap, priorWeight, magicClip, considerEndpoints,
                multivariate, group, constantLiar);
    }

    public TpeOptions withEiCandidates(int n) {
        return new TpeOptions(startupTrials, n, gammaFraction, gammaCap, priorWeight, magicClip, considerEndpoints,
                multivariate, group, constantLiar);
    }

    public TpeOptions withGamma(double fraction, int cap) {
        return new TpeOptions(startupTrials, eiCandidates, fraction, cap, priorWeight, magicClip, considerEndpoints,
                multivariate, group, constantLiar);
    }

    public TpeOptions withPriorWeight(double w) {
        return new TpeOptions(startupTrials, eiCandidates, gammaFraction, gammaCap, w, magicClip, considerEndpoints,
                multivariate, group, constantLiar);
    }

    public TpeOptions withMagicClip(boolean on) {
        return new TpeOptions(startupTrials, eiCandidates, gammaFraction, gammaCap, priorWeight, on, considerEndpoints,
                multivariate, group, constantLiar);
    }

    public TpeOptions withConsiderEndpoints(boolean on) {
        return new TpeOptions(startupTrials, eiCandidates, gammaFraction, gammaCap, priorWeight, magicClip, on,
                multivariate, group, constantLiar);
    }

    /** Joint modelling of the relative space; {@code group} decomposes conditional spaces. */
    public TpeOptions withMultivariate(boolean on, boolean grouped) {
        return new TpeOptions(startupTrials, eiCandidates, gammaFraction, gammaCap, priorWeight, magicClip,
                considerEndpoints, on, grouped, constantLiar);
    }

    public TpeOptions withConstantLiar(boolean on) {
        return new TpeOptions(startupTrials, eiCandidates, gammaFraction, gammaCap, priorWeight, magicClip,
                considerEndpoints, multivariate, group, on);
    }

    /** The options as provenance entries. */
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("startup_trials", startupTrials);
        m.put("ei_candidates", eiCandidates);
        m.put("gamma", "min(ceil(" + gammaFraction + " n), " + gammaCap + ")");
        m.put("prior_weight", priorWeight);
        m.put("magic_clip", magicClip);
        m.put("consider_endpoints", considerEndpoints);
        m.put("multivariate", multivariate);
        m.put("group", group);
        m.put("constant_liar", constantLiar);
        return m;
    }
}
