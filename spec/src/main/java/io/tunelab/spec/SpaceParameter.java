package io.tunelab.spec;

import io.tunelab.search.space.Distribution;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One parameter of a study's search space: its name, its distribution and the conditions under
 * which a trial has it (all must hold; none means always). Immutable.
 *
 * @param name         the parameter name as trials see it, e.g. {@code n_units_l0}
 * @param distribution where its values come from
 * @param conditions   tests on earlier parameters of the same trial
 */
public record SpaceParameter(String name, Distribution distribution, List<Condition> conditions) {

    public SpaceParameter {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(distribution, "distribution");
        conditions = List.copyOf(conditions);
    }

    /** An unconditional parameter. */
    public static SpaceParameter of(String name, Distribution distribution) {
        return new SpaceParameter(name, distribution, List.of());
    }

    /** Whether a trial with these earlier values has this parameter. */
    public boolean isActive(Map<String, Object> earlier) {
        return conditions.stream().allMatch(c -> c.holds(earlier));
    }

    /** The conditions joined with {@code and}, or the empty string. */
    public String describeConditions() {
        return conditions.stream().map(Condition::describe).collect(Collectors.joining(" and "));
    }
}
