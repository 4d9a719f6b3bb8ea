package io.tunelab.search.study;

import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.StudyView;
import io.tunelab.search.trial.TrialState;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The view a sampler gets while one ask is prepared: each {@link #trials(Set)} query is read from the
 * underlying view once and answered from that copy until {@link #release()}, so the sampler's hooks
 * ({@code beforeTrial}, {@code relativeSearchSpace}, {@code sampleRelative}, {@code trialAttrs}, and a
 * delegating sampler's own choice) see one consistent state of the study and a sampler that asks the
 * same question twice does not pay for a second storage read ({@link #countTrials} likewise). After {@link
 * #release()} every call goes to the underlying view, so parameters suggested later in a define-by-run trial see trials
 * finished since.
 * Thread-safe.
 */
final class AskSnapshot implements StudyView {
    private final StudyView view;
    private final Map<Set<TrialState>, List<FrozenTrial>> read = new ConcurrentHashMap<>();
    private final Map<Set<TrialState>, Integer> counted = new ConcurrentHashMap<>();
    private volatile boolean released;

    AskSnapshot(StudyView view) {
        this.view = view;
    }

    /** Ends the snapshot: from now on every query reads the underlying view. */
    void release() {
        released = true;
        read.clear();
        counted.clear();
    }

    @Override
    public List<FrozenTrial> trials(Set<TrialState> states) {
        if (released) {
            return view.trials(states);
        }
        return read.computeIfAbsent(key(states), view::trials);
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
        Set<TrialState> key = key(states);
        List<FrozenTrial> known = read.get(key);
        return known != null ? known.size() : counted.computeIfAbsent(key, view::countTrials);
    }

    private static Set<TrialState> key(Set<TrialState> states) {
        return states.isEmpty() ? EnumSet.noneOf(TrialState.class) : EnumSet.copyOf(states);
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
