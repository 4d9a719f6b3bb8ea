package io.tunelab.search.study;

import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.StudyView;
import io.tunelab.search.trial.TrialState;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The view a sampler gets while one ask is prepared: each {@link #trials(Set)} query is read from the
 * underlying view once and answered from that copy until {@link #release()}, so the sampler's hooks
 * ({@code beforeTrial}, {@code relativeSearchSpace}, {@code sampleRelative}, {@code trialAttrs}, and a
 * delegating sampler's own choice) see one consistent state of the study and a sampler that asks the
 * same question twice does not pay for a second storage read ({@link #countTrials} likewise). After {@link
 * #release()} every call goes to the underlying view, so parameters suggested later in a define-by-run trial see trials
 * finished since. The copies are kept per set of states, indexed by the set's bits, not in a hash map keyed by copies
 * of the set: a delegating sampler asks two questions per ask on top of its delegate's, and keys cost an allocation
 * and a hash each. Thread-safe: when threads ask the same question at once, one read wins and all get it.
 */
final class AskSnapshot implements StudyView {
    private static final int SETS = 1 << TrialState.values().length;
    private final StudyView view;
    private final AtomicReferenceArray<List<FrozenTrial>> read = new AtomicReferenceArray<>(SETS);
    /** Per set of states, its count plus one; 0 while not counted (so a new snapshot needs no filling). */
    private final AtomicIntegerArray counted = new AtomicIntegerArray(SETS);
    private volatile boolean released;

    AskSnapshot(StudyView view) {
        this.view = view;
    }

    /** Ends the snapshot: from now on every query reads the underlying view. */
    void release() {
        released = true;
        for (int i = 0; i < SETS; i++) {
            if (read.getPlain(i) != null) {
                read.setRelease(i, null);
            }
        }
    }

    @Override
    public List<FrozenTrial> trials(Set<TrialState> states) {
        if (released) {
            return view.trials(states);
        }
        int key = key(states);
        List<FrozenTrial> known = read.get(key);
        if (known != null) {
            return known;
        }
        List<FrozenTrial> fresh = view.trials(states);
        if (read.compareAndSet(key, null, fresh)) {
            return fresh;
        }
        known = read.get(key);
        return known != null ? known : fresh;
    }

    /**
     * The size of the trials read for the same states during this ask if they were read, otherwise the underlying
     * view's count, counted once per ask (a view backed by a storage counts without reading the trials).
     */
    @Override
    public int countTrials(Set<TrialState> states) {
        if (released) {
            return view.countTrials(states);
        }
        int key = key(states);
        List<FrozenTrial> known = read.get(key);
        if (known != null) {
            return known.size();
        }
        int countPlusOne = counted.get(key);
        if (countPlusOne != 0) {
            return countPlusOne - 1;
        }
        int fresh = view.countTrials(states);
        return counted.compareAndSet(key, 0, fresh + 1) ? fresh : counted.get(key) - 1;
    }

    /** The bits of {@code states}, one per state by ordinal. */
    private static int key(Set<TrialState> states) {
        int key = 0;
        for (TrialState s : states) {
            key |= 1 << s.ordinal();
        }
        return key;
    }

    @Override
    public long studyId() {
        return view.studyId();
    }

    @Override
    public String name() {
        return view.name();
    }

    @Override
    public List<Direction> directions() {
        return view.directions();
    }

    @Override
    public Map<String, Object> systemAttrs() {
        return view.systemAttrs();
    }
}
