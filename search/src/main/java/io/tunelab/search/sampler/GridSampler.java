package io.tunelab.search.sampler;

import io.tunelab.search.space.CategoricalDistribution;
import io.tunelab.search.space.Distribution;
import io.tunelab.search.space.ExponentialDistribution;
import io.tunelab.search.space.FloatDistribution;
import io.tunelab.search.space.IntDistribution;
import io.tunelab.search.space.InvalidDistributionException;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.StudyView;
import io.tunelab.search.trial.TrialState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Walks the full grid of a space given up front, one grid point per trial: trial number {@code n}
 * takes grid point {@code n}. The grid is the Cartesian product of each parameter's values, with the
 * parameters in the order given and the <em>last one varying fastest</em> (like nested loops, or an
 * odometer): for {@code a ∈ {1, 2}} then {@code b ∈ {x, y, z}}, the points are (1,x), (1,y), (1,z),
 * (2,x), (2,y), (2,z).
 *
 * <p>A parameter's values are either listed explicitly or taken from its distribution: a categorical's
 * choices in order; every admissible integer of an int distribution ({@code low, low + step, …, high},
 * log or not); every grid point of a stepped float. A continuous float or an exponential has no grid and
 * is rejected with a {@link SamplerException} naming it.
 *
 * <p>{@link #isExhausted} is true once every grid point has been started, so {@code optimize} stops.
 * Trials numbered past the grid (another worker that started at the same moment, or {@code ask()}
 * called anyway) wrap round to point {@code n mod size}. Suggesting a parameter that is not in the grid,
 * or from a distribution that does not contain the grid value, throws {@link SamplerException} naming
 * the parameter. Deterministic, immutable and thread-safe; it draws no randomness.
 */
public final class GridSampler implements Sampler {
    private static final int MAX_AXIS = 1_000_000;

    private final List<Axis> axes;
    private final int size;

    /** One parameter of the grid and its values. */
    private record Axis(String name, List<Object> values) {
    }

    /** A grid over {@code space}, in the map's iteration order (pass a {@link LinkedHashMap}). */
    public GridSampler(Map<String, Distribution> space) {
        this(space.entrySet().stream()
                .map(e -> new Axis(e.getKey(), valuesOf(e.getKey(), e.getValue())))
                .toList());
    }

    private GridSampler(List<Axis> axes) {
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
        this.size = (int) points;
    }

    /**
     * A grid over explicitly listed values, in the map's iteration order (pass a {@link LinkedHashMap}),
     * like Optuna's {@code GridSampler(search_space)}. Each value must belong to the distribution the
     * objective later suggests the parameter from.
     */
    public static GridSampler ofValues(Map<String, ? extends List<?>> values) {
        List<Axis> axes = new ArrayList<>();
        values.forEach((name, list) -> {
            if (list == null || list.isEmpty() || list.stream().anyMatch(Objects::isNull)) {
                throw new SamplerException("parameter '" + name + "': a grid axis needs one or more non-null"
                        + " values, got " + list);
            }
            axes.add(new Axis(name, List.copyOf(list)));
        });
        return new GridSampler(List.copyOf(axes));
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
                    values.add(k == n - 1 ? f.high() : f.low() + k * f.step());
                }
            }
        }
        return values;
    }

    /** Number of grid points. */
    public int size() {
        return size;
    }

    /** Parameter names in grid order. */
    public List<String> names() {
        return axes.stream().map(Axis::name).toList();
    }

    /** The values of grid point {@code index mod size}, by parameter, in grid order. */
    public Map<String, Object> point(int index) {
        Map<String, Object> point = new LinkedHashMap<>();
        for (Axis axis : axes) {
            point.put(axis.name(), valueAt(axis.name(), index));
        }
        return point;
    }

    /** Digits of the index in mixed radix, the last axis the least significant. */
    private Object valueAt(String name, int index) {
        int rest = Math.floorMod(index, size);
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

    @Override
    public double sampleIndependent(StudyView study, FrozenTrial trial, String name, Distribution distribution) {
        Object value = valueAt(name, trial.number());
        try {
            return distribution.toInternal(value);
        } catch (InvalidDistributionException e) {
            throw new SamplerException("parameter '" + name + "': grid value " + value + " is not in "
                    + distribution.describe());
        }
    }

    /** True once every grid point has been started: trials 0 to size - 1 have all left WAITING. */
    @Override
    public boolean isExhausted(StudyView study) {
        long started = study.trials().stream()
                .filter(t -> t.state() != TrialState.WAITING && t.number() < size)
                .count();
        return started >= size;
    }

    /** True: trial {@code n} takes grid point {@code n}, whatever the view. */
    @Override
    public boolean decidesFromViewOnly() {
        return true;
    }

    @Override
    public Map<String, Object> describe() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("type", "grid");
        Map<String, Object> grid = new LinkedHashMap<>();
        axes.forEach(axis -> grid.put(axis.name(), new ArrayList<>(axis.values())));
        d.put("grid", grid);
        return d;
    }
}
