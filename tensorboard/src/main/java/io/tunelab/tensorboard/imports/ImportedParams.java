package io.tunelab.tensorboard.imports;

import io.tunelab.search.space.CategoricalDistribution;
import io.tunelab.search.space.Distribution;
import io.tunelab.search.space.FloatDistribution;
import io.tunelab.search.space.IntDistribution;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The distribution each imported HParams parameter is stored with, one per name for the whole import so that
 * samplers and the dashboard see one search space: numbers that are all whole become an int range from the
 * smallest to the largest value seen, other numbers a float range; texts, booleans and mixed values a categorical
 * of the values seen, in the order first seen. (TensorBoard's HParams hold every number as a double, so an int
 * parameter comes back as whole numbers.)
 */
final class ImportedParams {
    private final Map<String, Distribution> distributions;

    private ImportedParams(Map<String, Distribution> distributions) {
        this.distributions = distributions;
    }

    /** The distributions of the parameters in {@code sessions}, the values of every run's session start. */
    static ImportedParams of(Collection<Map<String, Object>> sessions) {
        Map<String, List<Object>> values = new LinkedHashMap<>();
        for (Map<String, Object> session : sessions) {
            session.forEach((name, v) -> values.computeIfAbsent(name, n -> new ArrayList<>()).add(v));
        }
        Map<String, Distribution> distributions = new LinkedHashMap<>();
        values.forEach((name, seen) -> distributions.put(name, distribution(seen)));
        return new ImportedParams(distributions);
    }

    /** The distribution parameter {@code name} is stored with. */
    Distribution distribution(String name) {
        return distributions.get(name);
    }

    private static Distribution distribution(List<Object> seen) {
        if (!seen.stream().allMatch(v -> v instanceof Double)) {
            Set<Object> choices = new LinkedHashSet<>();
            seen.forEach(v -> choices.add(v instanceof Double d && d == 0.0 ? 0.0 : v));
            return new CategoricalDistribution(new ArrayList<>(choices));
        }
        double low = seen.stream().mapToDouble(v -> (Double) v).min().orElseThrow();
        double high = seen.stream().mapToDouble(v -> (Double) v).max().orElseThrow();
        boolean whole = seen.stream().allMatch(v -> isInt((Double) v));
        return whole ? IntDistribution.uniform((int) low, (int) high) : FloatDistribution.uniform(low, high);
    }

    private static boolean isInt(double v) {
        return v == Math.rint(v) && v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE;
    }
}
