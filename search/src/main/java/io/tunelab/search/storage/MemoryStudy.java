package io.tunelab.search.storage;

import io.tunelab.search.trial.TrialState;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** A study as {@link InMemoryStorage} keeps it: its record, its trials by number and how many are in each state. */
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
}
