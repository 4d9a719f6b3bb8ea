package io.tunelab.search.sampler.gp;

import io.tunelab.search.SearchException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Settings of {@link GpSampler}. Immutable.
 *
 * @param startupTrials   complete trials sampled at random before the GP takes over, {@code >= 1}
 * @param fitCap          most points the GP is fitted on; past it, the best half and the most recent
 *                        rest are kept (the fit costs O(n³))
 * @param restarts        random restarts of the hyperparameter fit, besides the warm start
 * @param restartsUntil   restarts are done while the fit set has at most this many points; beyond,
 *                        only the warm start from the previous fit is refined
 * @param randomCandidates random points scoring the acquisition before local refinement
 * @param localStarts     best candidates refined by projected L-BFGS
 * @param warpLosses      whether the GP may model the losses on a log scale above their median when that
 *                        explains them better (losses spanning orders of magnitude); see {@link GpSampler}
 * @param warpMinParameters the fewest parameters of the modelled space for which losses are warped, {@code >= 1}
 *                        (with fewer, and when {@code warpLosses} is off, the GP models the losses as they are)
 * @param trustRegion     whether the acquisition is maximised only inside the box around the best
 *                        observation that holds the best trials ({@link TrustRegion#around}) instead of the
 *                        whole unit cube: a local step, as {@code auto}'s local turns take; it takes precedence
 *                        over {@code adaptiveRegion}
 * @param adaptiveRegion  whether the acquisition is maximised inside TuRBO-1's trust region
 *                        ({@link TrustRegion#adaptive}, {@link TurboLength}): around the best observation, growing
 *                        after successes and shrinking after failures; otherwise (and with {@code trustRegion} off)
 *                        over the whole unit cube, where expected improvement keeps choosing the far, uncertain
 *                        boundary of the cube
 * @param regionWhileExplained whether {@code adaptiveRegion} applies only while the model explains the losses: the
 *                        noise variance fitted for the ask, as a share of the standardised losses, is below
 *                        {@value #RUGGED_NOISE}; at or above it the losses are too rugged for the model at the data's
 *                        resolution and the acquisition is maximised over the whole unit cube
 */
public record GpOptions(int startupTrials, int fitCap, int restarts, int restartsUntil, int randomCandidates,
                        int localStarts, boolean warpLosses, int warpMinParameters, boolean trustRegion,
                        boolean adaptiveRegion, boolean regionWhileExplained) {

    /** The default {@link #warpMinParameters}: losses are warped in spaces of more than 3 parameters. */
    public static final int WARP_MIN_PARAMETERS = 4;
    /**
     * The fitted noise variance (a share of the standardised losses) from which a deterministic objective's losses
     * count as too rugged for the model: on BBOB in 2-D it was 0.000-0.015 on smooth functions and 0.1-0.6 on
     * Weierstrass, Gallagher, Katsuura and Lunacek (development split; docs/sampler-benchmarks.md).
     */
    public static final double RUGGED_NOISE = 0.05;

    public GpOptions {
        if (startupTrials < 1) {
            throw new SearchException("startupTrials must be >= 1, got " + startupTrials);
        }
        if (fitCap < 2) {
            throw new SearchException("fitCap must be >= 2, got " + fitCap);
        }
        if (restarts < 0 || restartsUntil < 0) {
            throw new SearchException("restarts and restartsUntil must be >= 0, got " + restarts + ", " + restartsUntil);
        }
        if (randomCandidates < 1 || localStarts < 0) {
            throw new SearchException("randomCandidates must be >= 1 and localStarts >= 0, got "
                    + randomCandidates + ", " + localStarts);
        }
        if (warpMinParameters < 1) {
            throw new SearchException("warpMinParameters must be >= 1, got " + warpMinParameters);
        }
    }

    /**
     * 10 startup trials, fit cap 200, 4 restarts up to 120 points, 1,000 random candidates, 5 refined, losses
     * warped in spaces of {@value #WARP_MIN_PARAMETERS} or more parameters. On the BBOB development split
     * (instances 1-3, 100 trials) warping helped in 5 and 10 dimensions and hurt in 2 (see
     * docs/sampler-benchmarks.md). The acquisition is maximised in TuRBO-1's trust region ({@link #adaptiveRegion}):
     * on the same split it did better than the whole cube in 2, 5 and 10 dimensions and halved the share of proposals
     * on a bound in 2 and 5 (in 10, 51% to 46%).
     */
    public static GpOptions defaults() {
        return new GpOptions(10, 200, 4, 120, 1000, 5, true, WARP_MIN_PARAMETERS, false, true, false);
    }

    /** Settings whose TuRBO-1 region, if on, applies however rugged the losses ({@code regionWhileExplained} off). */
    public GpOptions(int startupTrials, int fitCap, int restarts, int restartsUntil, int randomCandidates,
                     int localStarts, boolean warpLosses, int warpMinParameters, boolean trustRegion,
                     boolean adaptiveRegion) {
        this(startupTrials, fitCap, restarts, restartsUntil, randomCandidates, localStarts, warpLosses,
                warpMinParameters, trustRegion, adaptiveRegion, false);
    }

    /** Settings whose acquisition is maximised over the whole unit cube unless {@code trustRegion} is on. */
    public GpOptions(int startupTrials, int fitCap, int restarts, int restartsUntil, int randomCandidates,
                     int localStarts, boolean warpLosses, int warpMinParameters, boolean trustRegion) {
        this(startupTrials, fitCap, restarts, restartsUntil, randomCandidates, localStarts, warpLosses,
                warpMinParameters, trustRegion, false);
    }

    /** Settings without a trust region (the acquisition over the whole unit cube). */
    public GpOptions(int startupTrials, int fitCap, int restarts, int restartsUntil, int randomCandidates,
                     int localStarts, boolean warpLosses, int warpMinParameters) {
        this(startupTrials, fitCap, restarts, restartsUntil, randomCandidates, localStarts, warpLosses,
                warpMinParameters, false, false);
    }

    /** Whether losses may be warped in a space of {@code parameters} parameters. */
    public boolean warps(int parameters) {
        return warpLosses && parameters >= warpMinParameters;
    }

    public GpOptions withStartupTrials(int n) {
        return new GpOptions(n, fitCap, restarts, restartsUntil, randomCandidates, localStarts, warpLosses, warpMinParameters,
                trustRegion, adaptiveRegion, regionWhileExplained);
    }

    public GpOptions withFitCap(int n) {
        return new GpOptions(startupTrials, n, restarts, restartsUntil, randomCandidates, localStarts,
                warpLosses, warpMinParameters, trustRegion, adaptiveRegion, regionWhileExplained);
    }

    public GpOptions withWarpLosses(boolean warp) {
        return new GpOptions(startupTrials, fitCap, restarts, restartsUntil, randomCandidates, localStarts,
                warp, warpMinParameters, trustRegion, adaptiveRegion, regionWhileExplained);
    }

    public GpOptions withWarpMinParameters(int n) {
        return new GpOptions(startupTrials, fitCap, restarts, restartsUntil, randomCandidates, localStarts, warpLosses, n,
                trustRegion, adaptiveRegion, regionWhileExplained);
    }

    public GpOptions withTrustRegion(boolean on) {
        return new GpOptions(startupTrials, fitCap, restarts, restartsUntil, randomCandidates, localStarts, warpLosses,
                warpMinParameters, on, adaptiveRegion, regionWhileExplained);
    }

    /** These settings with TuRBO-1's trust region on or off (see {@link #adaptiveRegion}). */
    public GpOptions withAdaptiveRegion(boolean on) {
        return new GpOptions(startupTrials, fitCap, restarts, restartsUntil, randomCandidates, localStarts, warpLosses,
                warpMinParameters, trustRegion, on, regionWhileExplained);
    }

    /** These settings with TuRBO-1's region only while the model explains the losses ({@link #regionWhileExplained}). */
    public GpOptions withRegionWhileExplained(boolean on) {
        return new GpOptions(startupTrials, fitCap, restarts, restartsUntil, randomCandidates, localStarts, warpLosses,
                warpMinParameters, trustRegion, adaptiveRegion, on);
    }

    /** Whether the acquisition is maximised in TuRBO-1's region after a fit whose noise variance is {@code noise}. */
    boolean adaptiveRegion(double noise) {
        return adaptiveRegion && !(regionWhileExplained && noise >= RUGGED_NOISE);
    }

    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("startup_trials", startupTrials);
        m.put("fit_cap", fitCap);
        m.put("restarts", restarts);
        m.put("restarts_until", restartsUntil);
        m.put("random_candidates", randomCandidates);
        m.put("local_starts", localStarts);
        m.put("warp_losses", warpLosses);
        m.put("warp_min_parameters", warpMinParameters);
        m.put("trust_region", trustRegion);
        m.put("adaptive_region", adaptiveRegion);
        m.put("region_while_explained", regionWhileExplained);
        return m;
    }
}
