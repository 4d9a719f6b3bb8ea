package io.tunelab.search.storage;

import io.tunelab.search.space.Distribution;
import io.tunelab.search.summary.LoggedSummary;
import io.tunelab.search.trial.ArtifactRef;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.MetricPoint;
import io.tunelab.search.trial.TrialState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A trial as {@link InMemoryStorage} keeps it, with the writes and state transitions the {@link TrialStorage} contract
 * allows: a finished trial refuses changes (CONFLICT), finishing it again the same way is a no-op. Not thread-safe:
 * the storage's lock guards it. Its snapshot is cached until it changes.
 */
final class MemoryTrial {
    final long id;
    final long studyId;
    final int number;
    TrialState state;
    List<Double> values = List.of();
    Instant start;
    Instant end;
    final Map<String, Object> params = new LinkedHashMap<>();
    final Map<String, Distribution> distributions = new LinkedHashMap<>();
    final TreeMap<Integer, Double> intermediate = new TreeMap<>();
    final Map<String, Object> userAttrs = new LinkedHashMap<>();
    final Map<String, Object> systemAttrs = new LinkedHashMap<>();
    final Map<String, List<MetricPoint>> metrics = new LinkedHashMap<>();
    final List<ArtifactRef> artifacts = new ArrayList<>();
    final List<LoggedSummary> summaries = new ArrayList<>();
    String message;
    private FrozenTrial snapshot;

    MemoryTrial(long id, long studyId, int number, TrialState state) {
        this.id = id;
        this.studyId = studyId;
        this.number = number;
        this.state = state;
    }

    FrozenTrial snapshot() {
        if (snapshot == null) {
            snapshot = new FrozenTrial(id, number, state, values, start, end, params, distributions,
                    intermediate, userAttrs, systemAttrs, message);
        }
        return snapshot;
    }

    /** Drops the cached snapshot after a change. */
    void changed() {
        snapshot = null;
    }

    /** Records a parameter; CONFLICT if it is set with another distribution or value, or the trial is finished. */
    void setParam(String name, Object value, Distribution distribution) {
        requireUnfinished();
        double internal = distribution.toInternalOutOfRange(value);
        Distribution existing = distributions.get(name);
        if (existing != null) {
            if (!existing.equals(distribution) || existing.toInternalOutOfRange(params.get(name)) != internal) {
                throw StorageException.conflict("trial " + number + ": parameter '" + name
                        + "' is already set to " + params.get(name) + " from " + existing.describe());
            }
            return;
        }
        params.put(name, distribution.toExternal(internal));
        distributions.put(name, distribution);
        changed();
    }

    void setIntermediateValue(int step, double value) {
        requireUnfinished();
        intermediate.put(step, value);
        changed();
    }

    /** Sets a user attribute, or a system one when {@code system}. */
    void setAttr(boolean system, String key, Object value) {
        requireUnfinished();
        (system ? systemAttrs : userAttrs).put(key, value);
        changed();
    }

    /** Ends this RUNNING trial of {@code study}, as {@link TrialStorage#finishTrial} says. */
    boolean finish(MemoryStudy study, TrialState to, List<Double> newValues, String why, Instant started, Instant ended) {
        if (started != null && ended.isBefore(started)) {
            throw StorageException.invalid("trial end " + ended + " is before its start " + started);
        }
        if (!to.isFinished()) {
            throw StorageException.invalid("a trial can only be finished as COMPLETE, PRUNED or FAIL, got " + to);
        }
        if (state.isFinished()) {
            if (state == to && sameValues(values, newValues)) {
                return false;
            }
            throw StorageException.conflict("trial " + number + " already finished as " + state
                    + " with values " + values + "; cannot finish it again as " + to + " with " + newValues);
        }
        if (state != TrialState.RUNNING) {
            throw StorageException.conflict("trial " + number + " is " + state + ", not RUNNING");
        }
        study.move(this, to);
        values = List.copyOf(newValues);
        start = started != null ? started : start;
        end = ended;
        message = why;
        changed();
        return true;
    }

    private void requireUnfinished() {
        if (state.isFinished()) {
            throw StorageException.conflict("trial " + number + " is " + state + " and can no longer be changed");
        }
    }

    static boolean sameValues(List<Double> a, List<Double> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (Double.compare(a.get(i), b.get(i)) != 0) {
                return false;
            }
        }
        return true;
    }
}
