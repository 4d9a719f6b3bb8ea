package io.tunelab.search.sampler.tpe;

import io.tunelab.search.space.Distribution;
import io.tunelab.search.trial.Constraints;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.TrialState;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The finished (COMPLETE and PRUNED) trials of one study that TPE learns from, kept across decisions
 * and updated incrementally: finished trials never change, so the history only grows and each ask
 * only absorbs the trials that finished since the last one. Observations sit at positions in
 * trial-number order; {@link #rank()} orders them from best to worst: feasible COMPLETE trials by
 * loss, then infeasible COMPLETE trials by total constraint violation (then loss), then PRUNED trials
 * by how far they got (later step first) and their last reported value, then PRUNED trials that
 * reported nothing; ties by trial number. With several objectives, feasible COMPLETE trials tie (their order is
 * {@link ParetoSelection}'s to make) and PRUNED trials, which MOTPE leaves out ({@link TpeSplit}), rank by the first
 * objective's last report. Parameter values
 * are held in {@link ObservationColumn}s.
 *
 * <p>A snapshot that disagrees with the log (a trial number now held by another trial: other id,
 * state, end time or values, as when a study of the same id lives in another storage) resets the log, which is then rebuilt from that
 * snapshot; so the log always equals what a fresh read of the study would give. Cost per absorbed
 * trial is O(n) array moves per column; a read that brings nothing new costs one pass over the
 * snapshot. Not thread-safe: callers synchronise on the log.
 */
final class ObservationLog {
    private static final int KIND_FEASIBLE = 0;
    private static final int KIND_INFEASIBLE = 1;
    private static final int KIND_PRUNED_WITH_STEP = 2;
    private static final int KIND_PRUNED_BLANK = 3;

    private final List<Direction> directions;
    private final Map<String, Map<Distribution, ObservationColumn>> columns = new HashMap<>();
    private int size;
    private FrozenTrial[] trials = new FrozenTrial[16];
    private int[] numbers = new int[16];
    private byte[] kinds = new byte[16];
    private double[] primary = new double[16];
    private double[] secondary = new double[16];
    private int[] rank = new int[16];
    private TpeSplit.Pareto pareto;

    /** The log of a study with one objective. */
    ObservationLog(Direction direction) {
        this(List.of(direction));
    }

    /** The log of a study with {@code directions}; with several, feasible COMPLETE trials tie in {@link #rank()}. */
    ObservationLog(List<Direction> directions) {
        this.directions = List.copyOf(directions);
    }

    List<Direction> directions() {
        return directions;
    }

    /** Number of observations. */
    int size() {
        return size;
    }

    /** Positions from best to worst; valid up to {@link #size()}, not to be modified. */
    int[] rank() {
        return rank;
    }

    boolean feasible(int position) {
        return kinds[position] == KIND_FEASIBLE;
    }

    /** Whether the observation at a position is a PRUNED trial. */
    boolean pruned(int position) {
        return kinds[position] >= KIND_PRUNED_WITH_STEP;
    }

    /** The loss (objective as minimised) of a feasible COMPLETE observation of a single-objective study. */
    double loss(int position) {
        return primary[position];
    }

    /** The losses (objectives as minimised) of a COMPLETE observation. */
    double[] losses(int position) {
        List<Double> values = trials[position].values();
        double[] out = new double[directions.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = directions.get(i).asLoss(values.get(i));
        }
        return out;
    }

    int number(int position) {
        return numbers[position];
    }

    /** The finished trial at a position. */
    FrozenTrial trial(int position) {
        return trials[position];
    }

    /**
     * Absorbs the finished trials of {@code snapshot} (any states; others are ignored), ordered by
     * number as {@link io.tunelab.search.trial.StudyView#trials} returns them.
     */
    void absorb(List<FrozenTrial> snapshot) {
        int at = 0;
        for (FrozenTrial t : snapshot) {
            if (t.state() != TrialState.COMPLETE && t.state() != TrialState.PRUNED) {
                continue;
            }
            while (at < size && numbers[at] < t.number()) {
                at++;
            }
            if (at < size && numbers[at] == t.number()) {
                if (!sameTrial(trials[at], t)) {
                    reset();
                    absorb(snapshot);
                    return;
                }
            } else {
                insert(at, t);
            }
            at++;
        }
    }

    /** Whether two finished snapshots of one number are the same trial (finished trials never change). */
    private static boolean sameTrial(FrozenTrial a, FrozenTrial b) {
        return a == b || a.id() == b.id() && a.state() == b.state() && Objects.equals(a.end(), b.end())
                && a.values().equals(b.values());
    }

    private void reset() {
        size = 0;
        columns.clear();
        pareto = null;
    }

    /** MOTPE's last selection among this log's observations, null when none was made since the log last changed. */
    TpeSplit.Pareto pareto() {
        return pareto;
    }

    /** Keeps {@code selection}, made among the observations the log holds now, until the log changes. */
    void remember(TpeSplit.Pareto selection) {
        pareto = selection;
    }

    /** The column of a parameter with one distribution, built on first use and kept up to date. */
    ObservationColumn column(String name, Distribution distribution) {
        Map<Distribution, ObservationColumn> byDistribution = columns.computeIfAbsent(name, k -> new HashMap<>(2));
        ObservationColumn column = byDistribution.get(distribution);
        if (column == null) {
            column = new ObservationColumn(name, distribution);
            for (int p = 0; p < size; p++) {
                column.insert(p, column.valueOf(trials[p]));
            }
            byDistribution.put(distribution, column);
        }
        return column;
    }

    private void insert(int at, FrozenTrial t) {
        if (size == numbers.length) {
            int cap = size * 2;
            trials = Arrays.copyOf(trials, cap);
            numbers = Arrays.copyOf(numbers, cap);
            kinds = Arrays.copyOf(kinds, cap);
            primary = Arrays.copyOf(primary, cap);
            secondary = Arrays.copyOf(secondary, cap);
            rank = Arrays.copyOf(rank, cap);
        }
        pareto = null; // its positions are stale
        int tail = size - at;
        System.arraycopy(trials, at, trials, at + 1, tail);
        System.arraycopy(numbers, at, numbers, at + 1, tail);
        System.arraycopy(kinds, at, kinds, at + 1, tail);
        System.arraycopy(primary, at, primary, at + 1, tail);
        System.arraycopy(secondary, at, secondary, at + 1, tail);
        trials[at] = t;
        numbers[at] = t.number();
        rankKey(t, at);
        if (at < size) {
            for (int i = 0; i < size; i++) {
                if (rank[i] >= at) {
                    rank[i]++;
                }
            }
        }
        size++;
        int lo = 0;
        int hi = size - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (compare(rank[mid], at) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        System.arraycopy(rank, lo, rank, lo + 1, size - 1 - lo);
        rank[lo] = at;
        for (Map<Distribution, ObservationColumn> byDistribution : columns.values()) {
            for (ObservationColumn column : byDistribution.values()) {
                column.insert(at, column.valueOf(t));
            }
        }
    }

    private void rankKey(FrozenTrial t, int at) {
        if (t.state() == TrialState.COMPLETE) {
            double violation = Constraints.violation(t);
            double loss = directions.size() == 1 ? directions.get(0).asLoss(t.value()) : 0;
            kinds[at] = (byte) (violation > 0 ? KIND_INFEASIBLE : KIND_FEASIBLE);
            primary[at] = violation > 0 ? violation : loss;
            secondary[at] = violation > 0 ? loss : 0;
            return;
        }
        Map.Entry<Integer, Double> last = t.lastIntermediate().orElse(null);
        kinds[at] = (byte) (last == null ? KIND_PRUNED_BLANK : KIND_PRUNED_WITH_STEP);
        primary[at] = last == null ? 0 : -last.getKey();
        secondary[at] = last == null ? 0 : directions.get(0).asLoss(last.getValue());
    }

    private int compare(int a, int b) {
        int c = Integer.compare(kinds[a], kinds[b]);
        if (c == 0) {
            c = Double.compare(primary[a], primary[b]);
        }
        if (c == 0) {
            c = Double.compare(secondary[a], secondary[b]);
        }
        return c != 0 ? c : Integer.compare(numbers[a], numbers[b]);
    }
}
