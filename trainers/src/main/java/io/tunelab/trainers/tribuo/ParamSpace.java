package io.tunelab.trainers.tribuo;

import io.tunelab.search.space.CategoricalDistribution;
import io.tunelab.search.space.Distribution;
import io.tunelab.search.space.FloatDistribution;
import io.tunelab.search.space.IntDistribution;
import io.tunelab.trainers.TrainersException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Hyperparameters by name, with the distribution each is suggested from.
 * Immutable: {@link #with} and {@link #fixed} return new spaces. A fixed value is a one-point
 * distribution, so it is still recorded as a trial parameter.
 */
public final class ParamSpace {
    private final Map<String, Distribution> ranges;

    private ParamSpace(Map<String, Distribution> ranges) {
        this.ranges = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(ranges));
    }

    public static ParamSpace empty() {
        return new ParamSpace(Map.of());
    }

    /** This space with {@code name} drawn from {@code distribution} (added or replaced). */
    public ParamSpace with(String name, Distribution distribution) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(distribution, "distribution");
        Map<String, Distribution> copy = new LinkedHashMap<>(ranges);
        copy.put(name, distribution);
        return new ParamSpace(copy);
    }

    /** This space with {@code name} fixed to {@code value} (an Integer, a Double or a categorical choice). */
    public ParamSpace fixed(String name, Object value) {
        Distribution d;
        if (value instanceof Integer i) {
            d = IntDistribution.uniform(i, i);
        } else if (value instanceof Double v) {
            d = FloatDistribution.uniform(v, v);
        } else {
            d = new CategoricalDistribution(List.of(value));
        }
        return with(name, d);
    }

    /** Every entry of {@code overrides} replaces this space's entry of the same name. */
    public ParamSpace overriddenBy(ParamSpace overrides) {
        Map<String, Distribution> copy = new LinkedHashMap<>(ranges);
        copy.putAll(overrides.ranges);
        return new ParamSpace(copy);
    }

    public Map<String, Distribution> ranges() {
        return ranges;
    }

    /** The distribution of {@code name}; throws naming the known parameters if there is none. */
    public Distribution get(String name) {
        Distribution d = ranges.get(name);
        if (d == null) {
            throw new TrainersException("no parameter '" + name + "' in this space; known: " + ranges.keySet());
        }
        return d;
    }

    public boolean contains(String name) {
        return ranges.containsKey(name);
    }

    @Override
    public String toString() {
        return ranges.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue().describe())
                .collect(java.util.stream.Collectors.joining(", ", "ParamSpace{", "}"));
    }
}
