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
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * Walks the full grid of a space given up front, one grid point per trial, taking the grid points that no trial of
 * the study has visited yet, in grid order, as Optuna's {@code GridSampler} does. The grid is the Cartesian product of
 * each parameter's values, with the parameters in the order given and the <em>last one varying fastest</em> (like
 * nested loops, or an odometer): for {@code a ∈ {1, 2}} then {@code b ∈ {x, y, z}}, the points are (1,x), (1,y),
 * (1,z), (2,x), (2,y), (2,z).
 *
 * <p>A parameter's values are either listed explicitly or taken from its distribution: a categorical's
 * choices in order; every admissible integer of an int distribution ({@code low, low + step, …, high},
 * log or not); every grid point of a stepped float. A continuous float or an exponential has no grid and
 * is rejected with a {@link SamplerException} naming it.
 *
 * <p>Which points are taken, from the view the sampler is given: a trial this sampler gave a point records it in the
 * system attribute {@value #POINT_ATTR}; an enqueued trial takes the point its enqueued parameters name (attribute
 * {@code fixed_params}); any other trial whose parameters lie on a grid point (one run before the study switched to
 * the grid, say) visited that point. A trial that is asked takes the first point none of these has taken, skipping one
 * further point for each earlier-numbered trial that is still running or waiting and whose point the view does not show
 * (one being asked at the same moment, or hidden by deterministic mode's window): that trial takes the points before.
 * So parallel asks get different points, and in deterministic mode trial {@code n} gets the same point whatever the
 * parallelism. Trials of another process asked at the very same moment may share a point, as in Optuna.
 *
 * <p>A conditional space (define-by-run: a parameter only some points use) is given as a function from a point's
 * values to its <em>configuration</em>, the values of the parameters a trial with those values has. Points with the
 * same configuration are one point of the grid, found at the first of them in grid order: for {@code impurity ∈ {gini,
 * entropy}} then {@code fraction ∈ {0.5, 1.0}} used only with entropy, the points are (gini), (entropy, 0.5),
 * (entropy, 1.0). A trial's parameters name the point whose configuration they are.
 *
 * <p>{@link #isExhausted} is true once every grid point has been started, so {@code optimize} stops. A trial asked
 * anyway (another worker that started at the same moment, or {@code ask()} called regardless) takes a point again.
 * Suggesting a parameter that is not in the grid, or from a distribution that does not contain the grid value, throws
 * {@link SamplerException} naming the parameter. Immutable but for the points of the trials it is sampling, and
 * thread-safe; it draws no randomness.
 */
public final class GridSampler implements Sampler {
    /** The trial system attribute holding the index of the grid point this sampler gave the trial. */
    public static final String POINT_ATTR = "grid_point";
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
    /** The point of each trial of this process between its ask and its end, by trial id. */
    private final Map<Long, Integer> asked = new ConcurrentHashMap<>();

    /** One parameter of the grid and its values. */
    private record Axis(String name, List<Object> values) {
    }

    /** A grid over {@code space}, in the map's iteration order (pass a {@link LinkedHashMap}). */
    public GridSampler(Map<String, Distribution> space) {
        this(axesOf(space), null);
    }

    /**
     * A grid over a conditional {@code space}, in the map's iteration order (pass a {@link LinkedHashMap}), with one point
     * per distinct configuration (see the class comment).
     *
     * @param configuration a point's values (every parameter of the space) to the values of the parameters a trial with
     *                      those values has; pure, and thread-safe
     * @throws SamplerException if the full product has more than 1,000,000 points
     */
    public GridSampler(Map<String, Distribution> space, UnaryOperator<Map<String, Object>> configuration) {
        this(axesOf(space), Objects.requireNonNull(configuration, "configuration"));
    }

    private static List<Axis> axesOf(Map<String, Distribution> space) {
        return space.entrySet().stream().map(e -> new Axis(e.getKey(), valuesOf(e.getKey(), e.getValue()))).toList();
    }

    private GridSampler(List<Axis> axes, UnaryOperator<Map<String, Object>> configuration) {
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
        return new GridSampler(List.copyOf(axes), null);
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
    public int size() {
        return size;
    }

    /** Parameter names in grid order. */
    public List<String> names() {
        return axes.stream().map(Axis::name).toList();
    }

    /**
     * The values of grid point {@code index mod size}, by parameter, in grid order; in a conditional space, those of the
     * first point of its configuration in the full product (parameters it does not use included).
     */
    public Map<String, Object> point(int index) {
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

    private Object valueAt(String name, int index) {
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

    /**
     * Chooses the trial's grid point (see the class comment): the first point its enqueued parameters allow that no
     * trial in {@code study} has taken, after one further point per earlier-numbered pending trial whose point the view
     * does not show. When every point allowed is taken, a taken one again: point {@code number mod size} when the
     * enqueued parameters allow it, else the first they allow (their values win either way).
     */
    @Override
    public void beforeTrial(StudyView study, FrozenTrial trial) {
        asked.put(trial.id(), choose(study, trial));
    }

    private int choose(StudyView study, FrozenTrial trial) {
        BitSet taken = new BitSet(size);
        int unseen = 0;
        for (FrozenTrial other : study.trials()) {
            if (other.id() == trial.id()) {
                continue;
            }
            int point = pointOf(other);
            if (point >= 0) {
                taken.set(point);
            } else if (other.number() < trial.number()
                    && (other.state() == TrialState.RUNNING || other.state() == TrialState.WAITING)) {
                unseen++;
            }
        }
        Map<String, Object> fixed = fixedParams(trial);
        int first = -1;
        for (int point = taken.nextClearBit(0); point < size; point = taken.nextClearBit(point + 1)) {
            if (allows(fixed, point)) {
                if (first < 0) {
                    first = point;
                }
                if (unseen-- == 0) {
                    return point;
                }
            }
        }
        if (first >= 0) {
            return first;
        }
        int again = Math.floorMod(trial.number(), size);
        if (allows(fixed, again)) {
            return again;
        }
        for (int point = 0; point < size; point++) {
            if (allows(fixed, point)) {
                return point;
            }
        }
        return again;
    }

    /** The grid point a trial took or will take, or -1 when the view does not show one. */
    private int pointOf(FrozenTrial trial) {
        if (trial.systemAttrs().get(POINT_ATTR) instanceof Number n) {
            return n.intValue();
        }
        Map<String, Object> values = new LinkedHashMap<>(trial.params());
        values.putAll(fixedParams(trial));
        return indexOf(values);
    }

    /** The index of the grid point these values name on every axis (in a conditional space, their configuration), or -1. */
    private int indexOf(Map<String, Object> values) {
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
    private boolean allows(Map<String, Object> fixed, int point) {
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

    @SuppressWarnings("unchecked")
    private static Map<String, Object> fixedParams(FrozenTrial trial) {
        return trial.systemAttrs().get("fixed_params") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    /** The trial's grid point, recorded as {@value #POINT_ATTR} for the trials asked after it. */
    @Override
    public Map<String, Object> trialAttrs(StudyView study, FrozenTrial trial) {
        Map<String, Object> attrs = new LinkedHashMap<>(Sampler.super.trialAttrs(study, trial));
        attrs.put(POINT_ATTR, point(trial));
        return attrs;
    }

    private int point(FrozenTrial trial) {
        Integer point = asked.get(trial.id());
        if (point != null) {
            return point;
        }
        return trial.systemAttrs().get(POINT_ATTR) instanceof Number n ? n.intValue() : Math.floorMod(trial.number(), size);
    }

    @Override
    public double sampleIndependent(StudyView study, FrozenTrial trial, String name, Distribution distribution) {
        Object value = valueAt(name, point(trial));
        try {
            return distribution.toInternal(value);
        } catch (InvalidDistributionException e) {
            throw new SamplerException("parameter '" + name + "': grid value " + value + " is not in "
                    + distribution.describe());
        }
    }

    @Override
    public void afterTrial(StudyView study, FrozenTrial trial, TrialState state, List<Double> values) {
        asked.remove(trial.id());
    }

    /** True once every grid point has been taken by a trial that has started (left WAITING). */
    @Override
    public boolean isExhausted(StudyView study) {
        BitSet started = new BitSet(size);
        for (FrozenTrial t : study.trials()) {
            int point = t.state() == TrialState.WAITING ? -1 : pointOf(t);
            if (point >= 0) {
                started.set(point);
            }
        }
        return started.cardinality() >= size;
    }

    /** True: a trial's point follows from the view, its number and its enqueued parameters (see the class comment). */
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
