package io.tunelab.tracker.query;

import io.tunelab.search.storage.StudyRecord;
import io.tunelab.search.trial.Constraints;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.TrialState;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One line of a studies table (the dashboard's studies page and study header). Immutable.
 *
 * @param id           storage id
 * @param name         the study's name (user-provided: escape it when rendering)
 * @param directions   one per objective
 * @param counts       number of trials in each state (every state present, maybe 0)
 * @param bestValues   the best feasible trial's values (single objective), or empty
 * @param bestNumber   the best feasible trial's number, or -1
 * @param paretoSize   for several objectives, how many feasible trials are Pareto-optimal; else 0 or 1
 * @param sampler      the sampler's type name, or "" if not recorded
 * @param created      when the study was created
 * @param lastActivity latest trial start or end, or {@code created}
 * @param attrs        the study's system attributes, set by Tunelab (sampler, pruner, seed...): the user's are not
 *                     among them
 * @param userAttrs    the attributes the user set on the study (Optuna's {@code study.user_attrs}), by key
 * @param infeasible   how many COMPLETE trials violate a constraint (see {@link Constraints}): never best
 */
public record StudySummary(long id, String name, List<Direction> directions, Map<TrialState, Integer> counts,
                           List<Double> bestValues, int bestNumber, int paretoSize, String sampler,
                           Instant created, Instant lastActivity, Map<String, Object> attrs, Map<String, Object> userAttrs,
                           int infeasible) {
    public StudySummary {
        directions = List.copyOf(directions);
        EnumMap<TrialState, Integer> all = new EnumMap<>(TrialState.class);
        for (TrialState s : TrialState.values()) {
            all.put(s, counts.getOrDefault(s, 0));
        }
        counts = Collections.unmodifiableMap(all);
        bestValues = List.copyOf(bestValues);
        attrs = Collections.unmodifiableMap(new LinkedHashMap<>(attrs));
        userAttrs = Collections.unmodifiableMap(new LinkedHashMap<>(userAttrs));
    }

    /** Number of trials in any state. */
    public int totalTrials() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    /**
     * The summary of {@code study} whose trials (any order, any state) are {@code trials}. The best trial
     * is the first feasible COMPLETE one in that order with the best value.
     */
    public static StudySummary of(StudyRecord study, List<FrozenTrial> trials) {
        Map<TrialState, Integer> counts = new EnumMap<>(TrialState.class);
        Instant last = study.created();
        FrozenTrial best = null;
        int infeasible = 0;
        List<Direction> directions = study.directions();
        for (FrozenTrial t : trials) {
            counts.merge(t.state(), 1, Integer::sum);
            last = later(later(last, t.start()), t.end());
            boolean feasible = t.state() != TrialState.COMPLETE || Constraints.holds(t);
            infeasible += feasible ? 0 : 1;
            if (directions.size() == 1 && t.state() == TrialState.COMPLETE && t.values().size() == 1 && feasible
                    && (best == null || directions.get(0).better(t.value(), best.value()))) {
                best = t;
            }
        }
        int paretoSize = directions.size() > 1 ? ParetoSet.of(trials, directions).size() : (best == null ? 0 : 1);
        return of(study, counts, last, best == null ? List.of() : best.values(), best == null ? -1 : best.number(), paretoSize,
                infeasible);
    }

    /**
     * The summary of {@code study} from aggregates of its trials (as a database computes them): the
     * sampler comes from the study's attributes, and the last activity is {@code created} when
     * {@code lastTrialActivity} is null or earlier.
     */
    public static StudySummary of(StudyRecord study, Map<TrialState, Integer> counts, Instant lastTrialActivity,
                                  List<Double> bestValues, int bestNumber, int paretoSize, int infeasible) {
        return new StudySummary(study.id(), study.name(), study.directions(), counts, bestValues, bestNumber, paretoSize,
                samplerName(study.systemAttrs()), study.created(), later(study.created(), lastTrialActivity),
                study.tunelabAttrs(), study.userAttrs(), infeasible);
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
