package io.tunelab.search.sampler;

import io.tunelab.search.space.CategoricalDistribution;
import io.tunelab.search.space.Distribution;
import io.tunelab.search.space.ExponentialDistribution;
import io.tunelab.search.space.FloatDistribution;
import io.tunelab.search.space.IntDistribution;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * The points of a grid: the Cartesian product of each parameter's values, the last parameter varying fastest, and in a
 * conditional space one point per distinct configuration, found at the first of its points in product order (see
 * {@link GridSampler}). Immutable and thread-safe if the configuration function is.
 */
final class GridPoints {
    private static final int MAX_AXIS = 1_000_000;
    /** The most points a conditional grid may have before points of one configuration are merged. */
    private static final int MAX_CONDITIONAL = 1_000_000;

    private final List<Axis> axes;
    /** Points of the full product. */
    private final int product;
    /** Distinct points: {@code product} without conditions, else the number of distinct configurations. */
    private final int size;
    /** The configuration of a point's values; null when every parameter is always used. */
    private final UnaryOperator<Map<String, Object>> configuration;
    /** Index in the full product of each distinct point, in grid order; null without conditions. */
    private final int[] firsts;
    /** The distinct point of each configuration, keyed by its axis digits (-1 for a parameter it does not use). */
    private final Map<List<Integer>, Integer> byConfiguration;

    /** One parameter of the grid and its values. */
    record Axis(String name, List<Object> values) {
    }

    /** The axes of {@code space}, in the map's iteration order, each with every value of its distribution. */
    static List<Axis> axesOf(Map<String, Distribution> space) {
        return space.entrySet().stream().map(e -> new Axis(e.getKey(), valuesOf(e.getKey(), e.getValue()))).toList();
    }

    /** The axes of explicitly listed values, in the map's iteration order; each list non-empty, without nulls. */
    static List<Axis> axesOfValues(Map<String, ? extends List<?>> values) {
        List<Axis> axes = new ArrayList<>();
        values.forEach((name, list) -> {
            if (list == null || list.isEmpty() || list.stream().anyMatch(Objects::isNull)) {
                throw new SamplerException("parameter '" + name + "': a grid axis needs one or more non-null"
                        + " values, got " + list);
            }
            axes.add(new Axis(name, List.copyOf(list)));
        });
        return List.copyOf(axes);
    }

    /**
     * The grid over {@code axes}; with a {@code configuration} (may be null), one point per distinct configuration.
     *
     * @throws SamplerException if there are no axes, more than {@link Integer#MAX_VALUE} points, or a conditional grid
     *                          of more than 1,000,000 points
     */
    GridPoints(List<Axis> axes, UnaryOperator<Map<String, Object>> configuration) {
        if (axes.isEmpty()) {
            throw new SamplerException("a grid needs at least one parameter, got none");
        }
        long points = 1;
        for (Axis axis : axes) {
            points *= axis.values().size();
            if (points > Integer.MAX_VALUE) {
                throw new SamplerException("a grid can have at most " + Integer.MAX_VALUE
                        + " points; this one grows past it at parameter '" + axis.name() + "'");
            }
        }
        this.axes = axes;
        this.product = (int) points;
        this.configuration = configuration;
        if (configuration == null) {
            this.firsts = null;
            this.byConfiguration = Map.of();
            this.size = product;
            return;
        }
        if (product > MAX_CONDITIONAL) {
            throw new SamplerException("a grid over a conditional space can have at most " + MAX_CONDITIONAL
                    + " points before points of one configuration are merged, got " + product + "; give parameters"
                    + " fewer values");
        }
        Map<List<Integer>, Integer> distinct = new HashMap<>();
        List<Integer> first = new ArrayList<>();
        for (int index = 0; index < product; index++) {
            List<Integer> key = digitsOf(configuration.apply(valuesAt(index)));
            if (distinct.putIfAbsent(key, first.size()) == null) {
                first.add(index);
            }
        }
        this.firsts = first.stream().mapToInt(Integer::intValue).toArray();
        this.byConfiguration = Map.copyOf(distinct);
        this.size = firsts.length;
    }

    /** Every value of a discrete distribution, in increasing order (choices in their order). */
    static List<Object> valuesOf(String name, Distribution distribution) {
        List<Object> values = new ArrayList<>();
        if (distribution instanceof CategoricalDistribution c) {
            values.addAll(c.choices());
        } else if (distribution instanceof IntDistribution d) {
            long count = ((long) d.high() - d.low()) / d.step() + 1;
            if (count > MAX_AXIS) {
                throw new SamplerException("parameter '" + name + "': " + d.describe() + " has " + count
                        + " values, more than the " + MAX_AXIS + " a grid axis may have; give it a larger step");
            }
            for (long v = d.low(); v <= d.high(); v += d.step()) {
                values.add((int) v);
            }
        } else if (distribution instanceof ExponentialDistribution e) {
            throw new SamplerException("parameter '" + name + "': a grid needs a finite set of values, but "
                    + e.describe() + " is continuous and unbounded; list its values instead");
        } else {
            FloatDistribution f = (FloatDistribution) distribution;
            if (f.isSingle()) {
                values.add(f.low());
            } else if (!f.hasStep()) {
                throw new SamplerException("parameter '" + name + "': a grid needs a finite set of values, but "
                        + f.describe() + " is continuous; give it a step or list its values");
            } else {
                double cells = Math.rint((f.high() - f.low()) / f.step());
                if (cells >= MAX_AXIS) {
                    throw new SamplerException("parameter '" + name + "': " + f.describe() + " has more than "
                            + MAX_AXIS + " values, more than a grid axis may have; give it a larger step");
                }
                int n = f.gridSize();
                for (int k = 0; k < n; k++) {
                    values.add(f.gridPoint(k));
                }
            }
        }
        return values;
    }

    /** Number of grid points. */
    int size() {
        return size;
    }

    /** Parameter names in grid order. */
    List<String> names() {
        return axes.stream().map(Axis::name).toList();
    }

    /**
     * The values of grid point {@code index mod size}, by parameter, in grid order; in a conditional space, those of the
     * first point of its configuration in the full product (parameters it does not use included).
     */
    Map<String, Object> point(int index) {
        return valuesAt(productIndex(index));
    }

    /** The index in the full product of grid point {@code index mod size}. */
    private int productIndex(int index) {
        int point = Math.floorMod(index, size);
        return firsts == null ? point : firsts[point];
    }

    private Map<String, Object> valuesAt(int productIndex) {
        Map<String, Object> point = new LinkedHashMap<>();
        for (Axis axis : axes) {
            point.put(axis.name(), valueInProduct(axis.name(), productIndex));
        }
        return point;
    }

    /** The value of parameter {@code name} at grid point {@code index mod size}. */
    Object valueAt(String name, int index) {
        return valueInProduct(name, productIndex(index));
    }

    /** Digits of the index in the full product in mixed radix, the last axis the least significant. */
    private Object valueInProduct(String name, int productIndex) {
        int rest = productIndex;
        for (int i = axes.size() - 1; i >= 0; i--) {
            Axis axis = axes.get(i);
            if (axis.name().equals(name)) {
                return axis.values().get(rest % axis.values().size());
            }
            rest /= axis.values().size();
        }
        throw new SamplerException("parameter '" + name + "' is not in the grid " + names()
                + "; add it to the grid or suggest only grid parameters");
    }

    /** The index of the grid point these values name on every axis (in a conditional space, their configuration), or -1. */
    int indexOf(Map<String, Object> values) {
        if (configuration != null) {
            Integer point = byConfiguration.get(digitsOf(configuration.apply(values)));
            return point == null ? -1 : point;
        }
        int index = 0;
        for (Axis axis : axes) {
            int digit = digitOf(axis, values.get(axis.name()));
            if (digit < 0) {
                return -1;
            }
            index = index * axis.values().size() + digit;
        }
        return index;
    }

    /** Each axis's digit of the value {@code values} give it, -1 for none (a parameter the configuration does not use). */
    private List<Integer> digitsOf(Map<String, Object> values) {
        List<Integer> digits = new ArrayList<>(axes.size());
        for (Axis axis : axes) {
            digits.add(digitOf(axis, values.get(axis.name())));
        }
        return digits;
    }

    /** Whether grid point {@code point} agrees with every enqueued value of a grid parameter it uses. */
    boolean allows(Map<String, Object> fixed, int point) {
        if (fixed.isEmpty()) {
            return true;
        }
        Map<String, Object> values = configuration == null ? point(point) : configuration.apply(point(point));
        for (Axis axis : axes) {
            if (fixed.containsKey(axis.name()) && values.containsKey(axis.name())
                    && !same(fixed.get(axis.name()), values.get(axis.name()))) {
                return false;
            }
        }
        return true;
    }

    private static int digitOf(Axis axis, Object value) {
        if (value == null) {
            return -1;
        }
        for (int i = 0; i < axis.values().size(); i++) {
            if (same(axis.values().get(i), value)) {
                return i;
            }
        }
        return -1;
    }

    /** Equal values, numbers by value whatever their boxed type (an enqueued 2 and a grid value 2.0 agree). */
    private static boolean same(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return x.doubleValue() == y.doubleValue();
        }
        return Objects.equals(a, b);
    }

    /** Each parameter's values, in grid order, for {@link Sampler#describe()}. */
    Map<String, Object> describe() {
        Map<String, Object> grid = new LinkedHashMap<>();
        axes.forEach(axis -> grid.put(axis.name(), new ArrayList<>(axis.values())));
        return grid;
    }
}
