package io.tunelab.dashboard.data;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A numbered version of a registered model, created from a trial.
 *
 * @param model       the model's name
 * @param version     1, 2, 3...
 * @param trialId     the trial it was created from
 * @param studyName   that trial's study
 * @param trialNumber that trial's number
 * @param source      the source artifact's URI or name, maybe empty
 * @param params      the trial's parameters, copied
 * @param metrics     the trial's metrics, copied
 * @param archived    whether the version is archived
 * @param created     when it was registered
 */
public record ModelVersion(String model, int version, long trialId, String studyName, int trialNumber,
                           String source, Map<String, Object> params, Map<String, Double> metrics,
                           boolean archived, Instant created) {
    public ModelVersion {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }
}
