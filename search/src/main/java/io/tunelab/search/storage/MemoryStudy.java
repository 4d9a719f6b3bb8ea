package io.tunelab.search.storage;

import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.TrialState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A study as {@link InMemoryStorage} keeps it: its record, its trials by number and how many are in each state, with the
 * study-level reads and transitions. Not thread-safe: the storage's lock guards it.
 */
final class MemoryStudy {
    StudyRecord record;
    final List<MemoryTrial> trials = new ArrayList<>();
    /** Trials per state, by the state's ordinal. */
    private final int[] counts = new int[TrialState.values().length];

    MemoryStudy(StudyRecord record) {
        this.record = record;
    }

    void add(MemoryTrial t) {
        trials.add(t);
        counts[t.state.ordinal()]++;
    }

    /** Moves {@code t} to {@code to}, keeping the counts. */
    void move(MemoryTrial t, TrialState to) {
        counts[t.state.ordinal()]--;
        counts[to.ordinal()]++;
        t.state = to;
    }

    int count(Set<TrialState> states) {
        int n = 0;
        for (TrialState s : states) {
            n += counts[s.ordinal()];
        }
        return n;
    }

    void setSystemAttr(String key, Object value) {
        Map<String, Object> attrs = new LinkedHashMap<>(record.systemAttrs());
        attrs.put(key, value);
        record = new StudyRecord(record.id(), record.name(), record.directions(), record.created(), attrs);
    }

    /** Moves the oldest WAITING trial to RUNNING, started {@code now}; empty if none. */
    Optional<MemoryTrial> claimWaiting(Instant now) {
        if (counts[TrialState.WAITING.ordinal()] == 0) {
            return Optional.empty();
        }
        for (MemoryTrial t : trials) {
            if (t.state == TrialState.WAITING) {
                move(t, TrialState.RUNNING);
                t.start = now;
                t.changed();
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** Trials that count towards a budget: all but FAIL ones superseded by a retry. */
    long budgeted() {
        return trials.stream()
                .filter(t -> !TrialBudget.superseded(t.state, t.systemAttrs))
                .count();
    }

    FrozenTrial byNumber(int number) {
        if (number < 0 || number >= trials.size()) {
            throw StorageException.notFound("study '" + record.name() + "' has no trial number " + number);
        }
        return trials.get(number).snapshot();
    }

    List<FrozenTrial> snapshots(Set<TrialState> states) {
        List<FrozenTrial> out = new ArrayList<>(count(states));
        for (MemoryTrial t : trials) {
            if (states.contains(t.state)) {
                out.add(t.snapshot());
            }
        }
        return Collections.unmodifiableList(out);
    }

    /** The names of its trials' metric series, distinct and sorted. */
    List<String> metricNames() {
        TreeSet<String> names = new TreeSet<>();
        for (MemoryTrial t : trials) {
            names.addAll(t.metrics.keySet());
        }
        return List.copyOf(names);
    }
}
