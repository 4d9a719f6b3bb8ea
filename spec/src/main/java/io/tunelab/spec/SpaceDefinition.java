package io.tunelab.spec;

import io.tunelab.search.space.Distribution;
import io.tunelab.search.trial.Trial;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A study file's search space as a define-by-run function: {@link #suggest(Trial)} asks the trial for
 * each parameter in file order, skipping those whose conditions do not hold, so the sampler sees the
 * same conditional space whatever trainer consumes the values. A trainer reads every parameter the
 * space does not name at its default, unless the space {@link #includesDefaults() includes the
 * defaults} ({@code include: defaults}): then the trainer searches those over its built-in ranges.
 * Immutable and thread-safe; the {@code Trial} itself is used by one thread, as its contract says.
 *
 * <pre>{@code
 * Map<String, Object> params = spec.space().suggest(trial); // {n_hidden=2, n_units_l0=87, n_units_l1=301, ...}
 * }</pre>
 */
public final class SpaceDefinition {
    private final List<SpaceParameter> parameters;
    private final boolean includesDefaults;

    /** A space of these parameters, in suggestion order, the trainer's other parameters at their defaults. */
    public SpaceDefinition(List<SpaceParameter> parameters) {
        this(parameters, false);
    }

    /**
     * A space of these parameters, in suggestion order.
     *
     * @param includesDefaults whether the trainer also searches the parameters not named here over its
     *                         built-in ranges (rather than reading them at their defaults)
     * @throws IllegalArgumentException if two parameters share a name or a condition refers to a
     *                                  parameter that does not come earlier
     */
    public SpaceDefinition(List<SpaceParameter> parameters, boolean includesDefaults) {
        Set<String> earlier = new HashSet<>();
        for (SpaceParameter p : parameters) {
            for (Condition c : p.conditions()) {
                if (!earlier.contains(c.parameter())) {
                    throw new IllegalArgumentException("parameter '" + p.name() + "' has a condition on '"
                            + c.parameter() + "', which is not an earlier parameter");
                }
            }
            if (!earlier.add(p.name())) {
                throw new IllegalArgumentException("parameter '" + p.name() + "' is defined twice");
            }
        }
        this.parameters = List.copyOf(parameters);
        this.includesDefaults = includesDefaults;
    }

    /** Whether the trainer searches the parameters this space does not name over its built-in ranges. */
    public boolean includesDefaults() {
        return includesDefaults;
    }

    /** Every parameter a trial may have, in suggestion order. */
    public List<SpaceParameter> parameters() {
        return parameters;
    }

    /** Every parameter's distribution, in suggestion order. */
    public Map<String, Distribution> distributions() {
        Map<String, Distribution> out = new LinkedHashMap<>();
        parameters.forEach(p -> out.put(p.name(), p.distribution()));
        return Collections.unmodifiableMap(out);
    }

    /**
     * Suggests the parameters of one trial in order and returns the values it has, in order.
     * Exceptions from the trial (e.g. a pruned or ended trial) propagate unchanged.
     */
    public Map<String, Object> suggest(Trial trial) {
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, Object> compared = new LinkedHashMap<>();
        for (SpaceParameter p : parameters) {
            if (p.isActive(compared)) {
                Object value = trial.suggest(p.name(), p.distribution());
                values.put(p.name(), value);
                compared.put(p.name(), SpaceParameter.onGrid(p.distribution(), value));
            }
        }
        return Collections.unmodifiableMap(values);
    }

    /**
     * The configuration {@code point} names: its values of the parameters a trial with those values has, in suggestion
     * order, conditions evaluated as {@link #suggest} does; values of names this space does not have (a trainer's
     * built-in ranges) are kept, after them. Two points that differ only in parameters switched off by their conditions
     * name the same configuration. A parameter of the space the point lacks is left out, as if switched off.
     */
    public Map<String, Object> configuration(Map<String, Object> point) {
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, Object> compared = new LinkedHashMap<>();
        for (SpaceParameter p : parameters) {
            if (point.containsKey(p.name()) && p.isActive(compared)) {
                values.put(p.name(), point.get(p.name()));
                compared.put(p.name(), SpaceParameter.onGrid(p.distribution(), point.get(p.name())));
            }
        }
        Set<String> named = distributions().keySet();
        point.forEach((name, value) -> {
            if (!named.contains(name)) {
                values.put(name, value);
            }
        });
        return Collections.unmodifiableMap(values);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SpaceDefinition other && other.parameters.equals(parameters)
                && other.includesDefaults == includesDefaults;
    }

    @Override
    public int hashCode() {
        return 31 * parameters.hashCode() + Boolean.hashCode(includesDefaults);
    }

    @Override
    public String toString() {
        return "SpaceDefinition" + parameters + (includesDefaults ? " + defaults" : "");
    }
}
