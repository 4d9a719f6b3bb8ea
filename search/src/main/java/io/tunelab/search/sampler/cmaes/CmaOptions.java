package io.tunelab.search.sampler.cmaes;

import io.tunelab.search.sampler.SamplerException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Options of {@link CmaesSampler}. All lengths are in the unit cube the search space is mapped to.
 *
 * @param startupTrials   complete trials drawn at random before the strategy starts (Optuna: 1)
 * @param popsize         the first run's population size, or 0 for {@code 4 + floor(3 ln n)}
 * @param sigma0          the initial step size of a run without seed trials (Optuna: range / 6)
 * @param margin          whether integer and stepped parameters get the margin correction
 * @param restarts        whether a run that has stopped progressing restarts with a doubled population (IPOP)
 * @param seedShare       share of the seed trials (trials not produced by this sampler, e.g. another
 *                        sampler's or a warm start's) whose best ones set the first run's mean and
 *                        covariance, as in warm-starting CMA-ES (Nomura et al., AAAI 2021)
 * @param seedRegularizer the standard deviation added in every direction to the seed trials' covariance
 */
public record CmaOptions(int startupTrials, int popsize, double sigma0, boolean margin, boolean restarts,
                         double seedShare, double seedRegularizer) {

    public CmaOptions {
        if (startupTrials < 0) {
            throw new SamplerException("startupTrials must be >= 0, got " + startupTrials);
        }
        if (popsize < 0 || popsize == 1) {
            throw new SamplerException("popsize must be 0 (automatic) or at least 2, got " + popsize);
        }
        if (!(sigma0 > 0) || sigma0 > 1) {
            throw new SamplerException("sigma0 must be in (0, 1], got " + sigma0);
        }
        if (!(seedShare > 0) || seedShare > 1) {
            throw new SamplerException("seedShare must be in (0, 1], got " + seedShare);
        }
        if (!(seedRegularizer > 0)) {
            throw new SamplerException("seedRegularizer must be positive, got " + seedRegularizer);
        }
    }

    /** One random trial, automatic population, step 1/6, margin and IPOP restarts on, seeds: best 10%, 0.1. */
    public static CmaOptions defaults() {
        return new CmaOptions(1, 0, 1.0 / 6, true, true, 0.1, 0.1);
    }

    public CmaOptions withMargin(boolean on) {
        return new CmaOptions(startupTrials, popsize, sigma0, on, restarts, seedShare, seedRegularizer);
    }

    public CmaOptions withRestarts(boolean on) {
        return new CmaOptions(startupTrials, popsize, sigma0, margin, on, seedShare, seedRegularizer);
    }

    public CmaOptions withPopsize(int size) {
        return new CmaOptions(startupTrials, size, sigma0, margin, restarts, seedShare, seedRegularizer);
    }

    /** The options as provenance. */
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("startup_trials", startupTrials);
        m.put("popsize", popsize);
        m.put("sigma0", sigma0);
        m.put("margin", margin);
        m.put("restarts", restarts);
        return m;
    }
}
