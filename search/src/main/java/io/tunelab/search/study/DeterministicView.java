package io.tunelab.search.study;

import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.StudyView;
import io.tunelab.search.trial.TrialState;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the sampler of trial {@code k} sees in deterministic mode with window {@code w}: trials numbered
 * up to {@code k − w} as they are (all finished: the study waits for them before asking), and trials
 * {@code k − w + 1 .. k} as RUNNING with neither parameters nor values, whatever they really are by
 * now (only the parameters such a trial was enqueued with, attribute {@code fixed_params}, fixed before any
 * ask). Every schedule that runs at most {@code w} trials at once, in number order, shows trial {@code k} the
 * same view, so a sampler that decides from its view, the trial number and its seeded
 * streams proposes the same parameters whether 1, 2 or {@code w} trials run at once. Immutable
 * snapshot rules as for the study; thread-safe.
 */
final class DeterministicView implements StudyView {
    private final Study study;
    private final int number;
    private final int window;

    DeterministicView(Study study, int number, int window) {
        this.study = study;
        this.number = number;
        this.window = window;
    }

    /** The highest trial number trial {@code number} conditions on. */
    static int lastVisible(int number, int window) {
        return number - window;
    }

    @Override
    public long studyId() {
        return study.studyId();
    }

    @Override
    public String name() {
        return study.name();
    }

    @Override
    public List<Direction> directions() {
        return study.directions();
    }

    @Override
    public Map<String, Object> systemAttrs() {
        return study.systemAttrs();
    }

    /**
     * The parameters a hidden trial was enqueued with ({@code fixed_params}), its only system attribute shown: they were
     * set when it was enqueued, before any ask that sees it, so they are the same in every schedule.
     */
    private static Map<String, Object> enqueued(FrozenTrial t) {
        Object fixed = t.systemAttrs().get("fixed_params");
        return fixed == null ? Map.of() : Map.of("fixed_params", fixed);
    }

    @Override
    public List<FrozenTrial> trials(Set<TrialState> states) {
        List<FrozenTrial> out = new ArrayList<>();
        for (FrozenTrial t : study.trials(EnumSet.allOf(TrialState.class))) {
            if (t.number() <= lastVisible(number, window)) {
                if (states.contains(t.state())) {
                    out.add(t);
                }
            } else if (t.number() <= number && states.contains(TrialState.RUNNING)) {
                out.add(new FrozenTrial(t.id(), t.number(), TrialState.RUNNING, List.of(), t.start(), null, Map.of(),
                        Map.of(), new TreeMap<>(), Map.of(), enqueued(t), null));
            }
        }
        return out;
    }
}
