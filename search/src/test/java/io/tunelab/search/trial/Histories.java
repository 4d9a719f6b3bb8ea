package io.tunelab.search.trial;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Hand-made trial histories for sampler and pruner tests that need exact control over what is seen. */
public final class Histories {
    private Histories() {
    }

    /** A RUNNING trial without parameters or values. */
    public static FrozenTrial running(int number) {
        return trial(number, TrialState.RUNNING, Map.of());
    }

    /** A trial in {@code state} with a learning curve (intermediate values by step). */
    public static FrozenTrial trial(int number, TrialState state, Map<Integer, Double> curve) {
        List<Double> values = state == TrialState.COMPLETE && !curve.isEmpty()
                ? List.of(new TreeMap<>(curve).lastEntry().getValue()) : List.of();
        return new FrozenTrial(number, number, state, values, Instant.EPOCH,
                state.isFinished() ? Instant.EPOCH : null, Map.of(), Map.of(), new TreeMap<>(curve), Map.of(),
                Map.of(), null);
    }

    /** A study view over fixed trials. */
    public static StudyView view(String name, Direction direction, List<FrozenTrial> trials) {
        return new StudyView() {
            @Override
            public long studyId() {
                return 1;
            }

            @Override
            public String name() {
                return name;
            }

            @Override
            public List<Direction> directions() {
                return List.of(direction);
            }

            @Override
            public List<FrozenTrial> trials(Set<TrialState> states) {
                EnumSet<TrialState> wanted = states.isEmpty() ? EnumSet.noneOf(TrialState.class) : EnumSet.copyOf(states);
                return trials.stream().filter(t -> wanted.contains(t.state())).toList();
            }
        };
    }
}
