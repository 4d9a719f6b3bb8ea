package io.tunelab.search.sampler.auto;

import io.tunelab.search.sampler.SamplerException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * When {@link AutoSampler} hands a numeric space from GP to CMA-ES: after
 * {@code min(maxGpTrials, gpTrialsPerDimension × dimensions)} complete trials.
 *
 * @param gpTrialsPerDimension GP trials per numeric parameter before CMA-ES takes over
 * @param maxGpTrials          the most GP trials whatever the dimension (Optuna's AutoSampler: 250)
 */
public record AutoOptions(int gpTrialsPerDimension, int maxGpTrials) {

    public AutoOptions {
        if (gpTrialsPerDimension < 1) {
            throw new SamplerException("gpTrialsPerDimension must be >= 1, got " + gpTrialsPerDimension);
        }
        if (maxGpTrials < 1) {
            throw new SamplerException("maxGpTrials must be >= 1, got " + maxGpTrials);
        }
    }

    /** The defaults: see the field documentation of {@link AutoSampler}. */
    public static AutoOptions defaults() {
        return new AutoOptions(10, 250);
    }

    /** GP trials before CMA-ES for a numeric space of {@code dimensions} parameters. */
    public int gpTrials(int dimensions) {
        return (int) Math.min(maxGpTrials, (long) gpTrialsPerDimension * Math.max(1, dimensions));
    }

    Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("gp_trials_per_dimension", gpTrialsPerDimension);
        m.put("max_gp_trials", maxGpTrials);
        return m;
    }
}
