package io.tunelab.search.sampler;

import io.tunelab.search.space.Distribution;
import io.tunelab.search.space.InvalidDistributionException;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.StudyView;
import io.tunelab.search.trial.TrialState;
import java.util.BitSet;
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

    private final GridPoints grid;
    /** The point of each trial of this process between its ask and its end, by trial id. */
    private final Map<Long, Integer> asked = new ConcurrentHashMap<>();

    /** A grid over {@code space}, in the map's iteration order (pass a {@link LinkedHashMap}). */
    public GridSampler(Map<String, Distribution> space) {
        this(new GridPoints(GridPoints.axesOf(space), null));
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
        this(new GridPoints(GridPoints.axesOf(space), Objects.requireNonNull(configuration, "configuration")));
    }

    private GridSampler(GridPoints grid) {
        this.grid = grid;
    }

    /**
     * A grid over explicitly listed values, in the map's iteration order (pass a {@link LinkedHashMap}),
     * like Optuna's {@code GridSampler(search_space)}. Each value must belong to the distribution the
     * objective later suggests the parameter from.
     */
    public static GridSampler ofValues(Map<String, ? extends List<?>> values) {
        return new GridSampler(new GridPoints(GridPoints.axesOfValues(values), null));
    }

    /** Number of grid points. */
    public int size() {
        return grid.size();
    }

    /** Parameter names in grid order. */
    public List<String> names() {
        return grid.names();
    }

    /**
     * The values of grid point {@code index mod size}, by parameter, in grid order; in a conditional space, those of the
     * first point of its configuration in the full product (parameters it does not use included).
     */
    public Map<String, Object> point(int index) {
        return grid.point(index);
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
        BitSet taken = new BitSet(grid.size());
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
        for (int point = taken.nextClearBit(0); point < grid.size(); point = taken.nextClearBit(point + 1)) {
            if (grid.allows(fixed, point)) {
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
        int again = Math.floorMod(trial.number(), grid.size());
        if (grid.allows(fixed, again)) {
            return again;
        }
        for (int point = 0; point < grid.size(); point++) {
            if (grid.allows(fixed, point)) {
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
        return grid.indexOf(values);
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
        return trial.systemAttrs().get(POINT_ATTR) instanceof Number n ? n.intValue() : Math.floorMod(trial.number(), grid.size());
    }

    @Override
    public double sampleIndependent(StudyView study, FrozenTrial trial, String name, Distribution distribution) {
        Object value = grid.valueAt(name, point(trial));
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
        BitSet started = new BitSet(grid.size());
        for (FrozenTrial t : study.trials()) {
            int point = t.state() == TrialState.WAITING ? -1 : pointOf(t);
            if (point >= 0) {
                started.set(point);
            }
        }
        return started.cardinality() >= grid.size();
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
        d.put("grid", grid.describe());
        return d;
    }
}
