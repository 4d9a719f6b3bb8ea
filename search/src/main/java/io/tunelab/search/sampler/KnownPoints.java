package io.tunelab.search.sampler;

import io.tunelab.search.space.CategoricalDistribution;
import io.tunelab.search.space.Distribution;
import io.tunelab.search.space.FloatDistribution;
import io.tunelab.search.space.IntDistribution;
import io.tunelab.search.trial.FrozenTrial;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The points of a space of finitely many values (every parameter an int, a stepped float, a categorical or a single
 * value: {@link Distribution#isFinite}) that a proposal should not repeat: those of finished (complete, pruned or
 * failed) and pending trials. A deterministic objective at a repeated point tells a sampler nothing new (and a
 * setting that failed, such as one a trainer refuses, fails again), and in such spaces a model's best
 * proposal often lands on a point it already has: the GP's expected improvement, maximised over the continuous
 * relaxation, snaps back into the incumbent's cell, and TPE's best-ranked candidate is drawn from the good points'
 * own kernels. Samplers that use it take their best-ranked proposal that is not known, and a known one only when
 * every proposal they ranked is (a space used up).
 *
 * <p>Points are internal values (see {@link Distribution}) by parameter name. Two points are the same when they lie
 * in the same cell: per parameter, the index of the grid value of an int or a stepped float, the choice index of a
 * categorical. Points that lack a parameter of the space are not points of it and are left out. Immutable;
 * {@link #contains} costs one hash lookup.
 */
public final class KnownPoints {
    private static final KnownPoints NONE = new KnownPoints(List.of(), List.of(), Set.of());

    private final List<String> names;
    private final List<Distribution> distributions;
    private final Set<Cell> cells;

    private KnownPoints(List<String> names, List<Distribution> distributions, Set<Cell> cells) {
        this.names = names;
        this.distributions = distributions;
        this.cells = cells;
    }

    /** One point's cell: grid or choice index per parameter, in the space's order. */
    private record Cell(long[] index) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Cell c && Arrays.equals(index, c.index);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(index);
        }
    }

    /** Whether every distribution of {@code space} holds finitely many values, so that points can be known. */
    public static boolean applies(Map<String, Distribution> space) {
        return !space.isEmpty() && space.values().stream().allMatch(Distribution::isFinite);
    }

    /**
     * The known points {@code points} (internal values by name) of {@code space}.
     *
     * @throws SamplerException when a distribution of {@code space} is not finite (see {@link #applies})
     */
    public static KnownPoints of(Map<String, Distribution> space, Collection<Map<String, Double>> points) {
        if (!applies(space)) {
            throw new SamplerException("known points need a non-empty space of finitely many values (ints, stepped "
                    + "floats, categoricals), got " + space);
        }
        return new KnownPoints(List.copyOf(space.keySet()), List.copyOf(space.values()), Set.of()).plus(points);
    }

    /**
     * The points of {@code trials} in {@code space}: each trial's internal values of the parameters it holds with
     * the space's distributions (a trial that lacks one, or holds it with another distribution, is left out).
     *
     * @throws SamplerException when a distribution of {@code space} is not finite (see {@link #applies})
     */
    public static KnownPoints ofTrials(Map<String, Distribution> space, Collection<FrozenTrial> trials) {
        List<Map<String, Double>> points = new ArrayList<>(trials.size());
        for (FrozenTrial t : trials) {
            Map<String, Double> p = new LinkedHashMap<>();
            space.forEach((name, d) -> {
                if (d.equals(t.distributions().get(name))) {
                    p.put(name, t.internalParam(name));
                }
            });
            points.add(p);
        }
        return of(space, points);
    }

    /** These known points and {@code points} (internal values by name) of the same space. */
    public KnownPoints plus(Collection<Map<String, Double>> points) {
        if (points.isEmpty()) {
            return this;
        }
        if (names.isEmpty()) {
            throw new SamplerException("no space to add points to: KnownPoints.none() knows no space");
        }
        Set<Cell> all = new HashSet<>(cells);
        for (Map<String, Double> p : points) {
            Cell c = cell(p);
            if (c != null) {
                all.add(c);
            }
        }
        return new KnownPoints(names, distributions, Set.copyOf(all));
    }

    /** No known points: nothing is a repeat. */
    public static KnownPoints none() {
        return NONE;
    }

    /** Whether no point is known. */
    public boolean isEmpty() {
        return cells.isEmpty();
    }

    /** Whether {@code point} (internal values by name) lies in the cell of a known point. */
    public boolean contains(Map<String, Double> point) {
        if (cells.isEmpty()) {
            return false;
        }
        Cell c = cell(point);
        return c != null && cells.contains(c);
    }

    private Cell cell(Map<String, Double> point) {
        long[] index = new long[names.size()];
        for (int j = 0; j < index.length; j++) {
            Double v = point.get(names.get(j));
            if (v == null || Double.isNaN(v)) {
                return null;
            }
            index[j] = index(distributions.get(j), v);
        }
        return new Cell(index);
    }

    private static long index(Distribution d, double v) {
        if (d instanceof IntDistribution n) {
            return (long) Math.rint((v - n.low()) / n.step());
        }
        if (d instanceof FloatDistribution f && f.hasStep()) {
            return (long) Math.rint((v - f.low()) / f.step());
        }
        if (d instanceof CategoricalDistribution) {
            return (long) v;
        }
        return 0; // a single value
    }
}
