package io.tunelab.search.trial;

import io.tunelab.search.SearchException;
import io.tunelab.search.exec.Slot;
import io.tunelab.search.space.Distribution;
import io.tunelab.search.space.InvalidDistributionException;
import io.tunelab.search.summary.LoggedSummary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A trial with given parameter values and no study: to run an objective once with known
 * hyperparameters (re-training the best trial, testing a trainer). Suggesting a parameter that is
 * not given, or whose value lies outside the distribution, throws {@link InvalidDistributionException}.
 * It never prunes; reports, scalars, summaries and attributes are kept in memory for inspection. Not thread-safe.
 */
public final class FixedTrial implements Trial {
    private final Map<String, Object> given;
    private final int number;
    private final Slot slot;
    private final long seed;
    private final Map<String, Object> params = new LinkedHashMap<>();
    private final Map<String, Distribution> distributions = new LinkedHashMap<>();
    private final TreeMap<Integer, Double> reports = new TreeMap<>();
    /** The steps the current attempt has reported: its first value of each replaces an earlier attempt's. */
    private final Set<Integer> attemptSteps = new HashSet<>();
    private final List<MetricPoint> metrics = new ArrayList<>();
    private final List<ArtifactRef> artifacts = new ArrayList<>();
    private final List<LoggedSummary> summaries = new ArrayList<>();
    private final Map<String, Object> userAttrs = new LinkedHashMap<>();

    public FixedTrial(Map<String, Object> params) {
        this(params, 0, Slot.cpu(0), 0L);
    }

    public FixedTrial(Map<String, Object> params, int number, Slot slot, long seed) {
        this.given = new LinkedHashMap<>(params);
        this.number = number;
        this.slot = slot;
        this.seed = seed;
    }

    @Override
    public int number() {
        return number;
    }

    @Override
    public Slot slot() {
        return slot;
    }

    @Override
    public long seed() {
        return seed;
    }

    @Override
    public Object suggest(String name, Distribution distribution) {
        Distribution known = distributions.get(name);
        if (known != null) {
            if (!known.equals(distribution)) {
                throw new InvalidDistributionException("parameter '" + name + "': already suggested from "
                        + known.describe() + ", cannot suggest it again from " + distribution.describe());
            }
            return params.get(name);
        }
        if (!given.containsKey(name)) {
            throw new InvalidDistributionException("parameter '" + name + "': no value was given to this fixed trial"
                    + " (given: " + given.keySet() + ")");
        }
        Object value;
        try {
            value = distribution.toExternal(distribution.toInternal(given.get(name)));
        } catch (InvalidDistributionException e) {
            throw e.forParameter(name);
        }
        params.put(name, value);
        distributions.put(name, distribution);
        return value;
    }

    @Override
    public void report(int step, double value) {
        if (step < 0) {
            throw new SearchException("fixed trial: report step must be 0 or more, got " + step);
        }
        if (attemptSteps.add(step)) {
            reports.put(step, value);
        }
    }

    @Override
    public void beginAttempt() {
        attemptSteps.clear();
    }

    @Override
    public boolean shouldPrune() {
        return false;
    }

    @Override
    public void log(String name, long step, double value) {
        metrics.add(new MetricPoint(name, step, value, java.time.Instant.now()));
    }

    @Override
    public void logSummary(LoggedSummary summary) {
        summaries.add(summary);
    }

    @Override
    public ArtifactRef logArtifact(String name, Path file) {
        try {
            ArtifactRef ref = new ArtifactRef(name, file.toAbsolutePath().toUri(), java.nio.file.Files.size(file),
                    ArtifactRef.sha256Of(file));
            artifacts.add(ref);
            return ref;
        } catch (IOException e) {
            throw new UncheckedIOException("artifact '" + name + "': cannot read " + file, e);
        }
    }

    /** Forgets the artifact's reference; the file, never copied, stays. */
    @Override
    public void deleteArtifact(String name) {
        artifacts.removeIf(a -> a.name().equals(name));
    }

    @Override
    public void setUserAttr(String key, Object value) {
        userAttrs.put(key, value);
    }

    @Override
    public Map<String, Object> params() {
        return Collections.unmodifiableMap(params);
    }

    /** Values reported with {@link #report}, by step. */
    public Map<Integer, Double> reports() {
        return Collections.unmodifiableMap(reports);
    }

    /** Scalars logged with {@link #log}, in logging order. */
    public List<MetricPoint> metrics() {
        return Collections.unmodifiableList(metrics);
    }

    /** Summaries logged with {@link #logSummary} and the methods built on it, in logging order. */
    public List<LoggedSummary> summaries() {
        return Collections.unmodifiableList(summaries);
    }

    public List<ArtifactRef> artifacts() {
        return Collections.unmodifiableList(artifacts);
    }

    public Map<String, Object> userAttrs() {
        return Collections.unmodifiableMap(userAttrs);
    }
}
