package io.tunelab.search.study;

import io.tunelab.search.exec.Slot;
import io.tunelab.search.pruner.PruneDecision;
import io.tunelab.search.space.Distribution;
import io.tunelab.search.space.InvalidDistributionException;
import io.tunelab.search.storage.StorageNames;
import io.tunelab.search.storage.TrialStorage;
import io.tunelab.search.summary.LoggedSummary;
import io.tunelab.search.trial.ArtifactRef;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.MetricPoint;
import io.tunelab.search.trial.StudyView;
import io.tunelab.search.trial.Trial;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Trial} handle a {@link Study} gives its objective: it resolves each suggestion from the
 * enqueued parameters, the sampler's relative sample or the sampler's independent sample, in that
 * order, and writes everything through the study's storage. Used by one thread.
 */
final class LiveTrial implements Trial {
    private static final Logger LOG = LoggerFactory.getLogger(LiveTrial.class);

    private final Study study;
    private final StudyView samplerView;
    private final TrialStorage storage;
    private final FrozenTrial started;
    private final Slot slot;
    private final Map<String, Object> fixedParams;
    private final Map<String, Distribution> relativeSpace;
    private final Map<String, Double> relativeValues;
    private final Map<String, Object> params = new LinkedHashMap<>();
    private final Map<String, Distribution> distributions = new LinkedHashMap<>();
    /**
     * The steps {@link #report} has recorded in this attempt: a step is reported once, as in Optuna; a new attempt's
     * value replaces an earlier attempt's (the storage keeps a step's last value).
     */
    private final Set<Integer> reportedSteps = new HashSet<>();
    private PruneDecision pruneDecision;

    LiveTrial(Study study, StudyView samplerView, FrozenTrial started, Slot slot, Map<String, Object> fixedParams,
              Map<String, Distribution> relativeSpace, Map<String, Double> relativeValues) {
        this.study = study;
        this.samplerView = samplerView;
        this.storage = study.storage();
        this.started = started;
        this.slot = slot;
        this.fixedParams = fixedParams;
        this.relativeSpace = relativeSpace;
        this.relativeValues = relativeValues;
    }

    long id() {
        return started.id();
    }

    /** The study that asked this trial. */
    Study study() {
        return study;
    }

    /** The latest pruning verdict that said stop, or null. */
    PruneDecision pruneDecision() {
        return pruneDecision;
    }

    @Override
    public int number() {
        return started.number();
    }

    @Override
    public Slot slot() {
        return slot;
    }

    @Override
    public long seed() {
        return study.streams().derive(started.number(), "objective");
    }

    @Override
    public Object suggest(String name, Distribution distribution) {
        StorageNames.checkParameterName(name);
        Distribution known = distributions.get(name);
        if (known != null) {
            if (!known.equals(distribution)) {
                throw new InvalidDistributionException("parameter '" + name + "': already suggested from "
                        + known.describe() + " in trial " + number() + ", cannot suggest it again from "
                        + distribution.describe());
            }
            return params.get(name);
        }
        study.parameterKinds().check(name, distribution, number());
        double internal = resolve(name, distribution);
        Object value = distribution.toExternal(internal);
        storage.setParam(started.id(), name, value, distribution);
        params.put(name, value);
        distributions.put(name, distribution);
        return value;
    }

    private double resolve(String name, Distribution distribution) {
        if (fixedParams.containsKey(name)) {
            return enqueued(name, distribution, fixedParams.get(name));
        }
        if (distribution.isSingle()) {
            return distribution.toInternal(distribution instanceof io.tunelab.search.space.CategoricalDistribution c
                    ? c.choices().get(0) : lowOf(distribution));
        }
        if (distribution.equals(relativeSpace.get(name)) && relativeValues.containsKey(name)) {
            return relativeValues.get(name);
        }
        double v = study.sampler().sampleIndependent(samplerView, snapshot(), name, distribution);
        if (!distribution.contains(v)) {
            throw new InvalidDistributionException("parameter '" + name + "': sampler "
                    + study.sampler().getClass().getSimpleName() + " proposed " + v + " outside "
                    + distribution.describe());
        }
        return v;
    }

    /**
     * An enqueued value, which may lie outside the range as in Optuna: used, with one warning; samplers then ignore
     * the trial ({@link InRangeView}). A categorical value not among the choices fails the trial, as in Optuna.
     */
    private double enqueued(String name, Distribution distribution, Object value) {
        double internal;
        try {
            internal = distribution.toInternalOutOfRange(value);
        } catch (InvalidDistributionException e) {
            throw new InvalidDistributionException("enqueued " + e.forParameter(name).getMessage());
        }
        if (!distribution.contains(internal)) {
            LOG.warn("Trial {} of study '{}': enqueued parameter '{}' = {} is out of the range {}; the trial uses it,"
                    + " but samplers will not learn from this trial", number(), study.name(), name, value,
                    distribution.describe());
        }
        return internal;
    }

    private static Object lowOf(Distribution d) {
        if (d instanceof io.tunelab.search.space.FloatDistribution f) {
            return f.low();
        }
        return ((io.tunelab.search.space.IntDistribution) d).low();
    }

    /** What the trial looks like now, for samplers: its parameters so far, still RUNNING. */
    FrozenTrial snapshot() {
        return new FrozenTrial(started.id(), started.number(), started.state(), List.of(), started.start(), null,
                params, distributions, started.intermediateValues(), Map.of(), started.systemAttrs(), null);
    }

    @Override
    public void report(int step, double value) {
        if (step < 0) {
            throw new StudyException("trial " + number() + ": report step must be 0 or more, got " + step);
        }
        if (!reportedSteps.add(step)) {
            LOG.warn("Trial {} of study '{}' already reported step {}; keeping its first value and ignoring {}",
                    number(), study.name(), step, value);
            return;
        }
        storage.setIntermediateValue(started.id(), step, value);
    }

    @Override
    public void beginAttempt() {
        if (!reportedSteps.isEmpty()) {
            LOG.info("Trial {} of study '{}' begins another attempt; its reports replace the {} step(s) reported before",
                    number(), study.name(), reportedSteps.size());
        }
        reportedSteps.clear();
    }

    @Override
    public boolean shouldPrune() {
        PruneDecision decision = study.pruner().evaluate(study, storage.trial(started.id()));
        if (decision.prune()) {
            pruneDecision = decision;
            Map<String, Object> why = new LinkedHashMap<>();
            why.put("step", decision.step());
            why.put("value", decision.value());
            why.put("threshold", decision.threshold());
            why.put("reason", decision.reason());
            storage.setSystemAttr(started.id(), "prune_decision", why);
        }
        return decision.prune();
    }

    @Override
    public void log(String name, long step, double value) {
        StorageNames.checkMetricName(name);
        checkLogStep(step);
        storage.logMetrics(started.id(), List.of(new MetricPoint(name, step, value, Instant.now())));
    }

    @Override
    public void log(long step, Map<String, Double> values) {
        values.keySet().forEach(StorageNames::checkMetricName);
        checkLogStep(step);
        Instant now = Instant.now();
        storage.logMetrics(started.id(), values.entrySet().stream()
                .map(e -> new MetricPoint(e.getKey(), step, e.getValue(), now)).toList());
    }

    /** A logged step, as a reported one ({@link #report}), counts from 0. */
    private void checkLogStep(long step) {
        if (step < 0) {
            throw new StudyException("trial " + number() + ": log step must be 0 or more, got " + step);
        }
    }

    @Override
    public void logSummary(LoggedSummary summary) {
        storage.logSummaries(started.id(), List.of(summary));
    }

    @Override
    public ArtifactRef logArtifact(String name, Path file) {
        return storage.storeArtifact(started.id(), name, file);
    }

    @Override
    public void deleteArtifact(String name) {
        storage.deleteArtifact(started.id(), name);
    }

    @Override
    public List<ArtifactRef> retriedArtifacts(String name) {
        List<ArtifactRef> found = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        Object of = started.systemAttrs().get(TrialStorage.RETRY_OF);
        while (of instanceof Number n && seen.add(n.intValue())) {
            FrozenTrial retried = storage.trialByNumber(study.studyId(), n.intValue());
            storage.artifacts(retried.id()).stream().filter(a -> a.name().equals(name)).findFirst().ifPresent(found::add);
            of = retried.systemAttrs().get(TrialStorage.RETRY_OF);
        }
        return found;
    }

    @Override
    public void setUserAttr(String key, Object value) {
        StorageNames.checkAttrName(key);
        StorageNames.checkAttrValue(key, value);
        storage.setUserAttr(started.id(), key, value);
    }

    @Override
    public Map<String, Object> params() {
        return Collections.unmodifiableMap(params);
    }
}
