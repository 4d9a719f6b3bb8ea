package io.tunelab.dashboard.data;

import io.tunelab.search.storage.StudyRecord;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.TrialState;
import io.tunelab.tracker.query.ParetoSet;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Builds a {@link StudySummary} from a study's record and trials; any adapter may use it. Stateless. */
public final class StudySummaries {
    private StudySummaries() {
    }

    /** The summary of {@code study} whose trials (any order, any state) are {@code trials}. */
    public static StudySummary of(StudyRecord study, List<FrozenTrial> trials) {
        Map<TrialState, Integer> counts = new EnumMap<>(TrialState.class);
        for (TrialState s : TrialState.values()) {
            counts.put(s, 0);
        }
        Instant last = study.created();
        FrozenTrial best = null;
        List<Direction> directions = study.directions();
        for (FrozenTrial t : trials) {
            counts.merge(t.state(), 1, Integer::sum);
            last = later(later(last, t.start()), t.end());
            if (directions.size() == 1 && t.state() == TrialState.COMPLETE && t.values().size() == 1
                    && (best == null || directions.get(0).better(t.value(), best.value()))) {
                best = t;
            }
        }
        int paretoSize = directions.size() > 1 ? ParetoSet.of(trials, directions).size() : (best == null ? 0 : 1);
        return new StudySummary(study.id(), study.name(), directions, counts,
                best == null ? List.of() : best.values(), best == null ? -1 : best.number(), paretoSize,
                samplerName(study.systemAttrs()), study.created(), last, study.systemAttrs());
    }

    private static Instant later(Instant a, Instant b) {
        return b != null && b.isAfter(a) ? b : a;
    }

    private static String samplerName(Map<String, Object> attrs) {
        Object sampler = attrs.get("sampler");
        if (sampler instanceof Map<?, ?> m && m.get("type") != null) {
            return String.valueOf(m.get("type"));
        }
        return sampler == null ? "" : String.valueOf(sampler);
    }
}
