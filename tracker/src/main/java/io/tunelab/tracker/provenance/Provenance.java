package io.tunelab.tracker.provenance;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Where one trial's result came from.
 *
 * @param trialId            the trial
 * @param seed               the study seed, or null if none was recorded
 * @param sampler            the sampler's configuration ({@code Sampler.describe()}), possibly empty
 * @param pruner             the pruner's configuration, possibly empty
 * @param datasetFingerprint the {@code dataset_fingerprint} system attribute of the trial or its study, as text
 *                           (the trainer's digest of its data, e.g. {@code sha256:<hex>}), or null
 * @param runtime            Java, OS and library versions of the process that ran it
 * @param host               host name of the worker
 * @param workerId           the worker ({@code host:pid} unless configured)
 * @param start              when the trial started, or null
 * @param end                when it ended, or null
 * @param execution          where and how it ran, empty if not recorded: {@code slot}, and from the trainer's
 *                           {@code device} user attribute the DJL {@code device}, {@code gpu_name},
 *                           {@code gpu_memory_bytes} and {@code engine}; {@code oom_retry} when the GPU ran out
 *                           of memory and the trial was retried with half the batch
 */
public record Provenance(long trialId, Long seed, Map<String, Object> sampler, Map<String, Object> pruner,
                         String datasetFingerprint, RuntimeInfo runtime, String host, String workerId,
                         Instant start, Instant end, Map<String, Object> execution) {
    public Provenance {
        sampler = Collections.unmodifiableMap(new LinkedHashMap<>(sampler));
        pruner = Collections.unmodifiableMap(new LinkedHashMap<>(pruner));
        Objects.requireNonNull(runtime, "runtime");
        execution = execution == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(execution));
    }

    /** Without a record of where the trial ran. */
    public Provenance(long trialId, Long seed, Map<String, Object> sampler, Map<String, Object> pruner,
                      String datasetFingerprint, RuntimeInfo runtime, String host, String workerId,
                      Instant start, Instant end) {
        this(trialId, seed, sampler, pruner, datasetFingerprint, runtime, host, workerId, start, end, Map.of());
    }
}
