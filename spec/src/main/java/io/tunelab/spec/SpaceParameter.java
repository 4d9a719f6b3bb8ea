package io.tunelab.spec;

import io.tunelab.search.space.Distribution;
import io.tunelab.search.space.FloatDistribution;
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

    /**
     * The value conditions compare for {@code value} of {@code distribution}: a number of a stepped float as its
     * decimal grid point ({@link FloatDistribution#toExternal}), so 0.6000000000000001 and 0.6 are the same value of
     * {@code float[0.3, 1.0] step 0.1}; any other value unchanged.
     */
    static Object onGrid(Distribution distribution, Object value) {
        return value instanceof Number n ? onGrid(distribution, value, n.doubleValue()) : value;
    }

    static Object onGrid(Distribution distribution, Object value, double internal) {
        return distribution instanceof FloatDistribution f && f.hasStep() ? f.toExternal(internal) : value;
    }

    /** The conditions joined with {@code and}, or the empty string. */
    public String describeConditions() {
        return conditions.stream().map(Condition::describe).collect(Collectors.joining(" and "));
    }
}
