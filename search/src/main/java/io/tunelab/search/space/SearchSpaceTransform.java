package io.tunelab.search.space;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps points of a search space to the unit cube and back, the common ground of random, quasi-random,
 * Gaussian-process and evolutionary samplers. Immutable and thread-safe.
 *
 * <ul>
 *   <li>float and int parameters take one coordinate each, in log space when {@code log};
 *       ints and stepped floats are widened by half a step on each side so every admissible value
 *       owns an equal share of {@code [0, 1]}; a range wider than the largest double (up to
 *       {@code [-Double.MAX_VALUE, Double.MAX_VALUE]}) is scaled at half size, so it never overflows;</li>
 *   <li>an exponential parameter takes one coordinate, its cumulative probability, so a uniform
 *       coordinate decodes to a value of the exponential law;</li>
 *   <li>a categorical with {@code k} choices takes {@code k} one-hot coordinates; decoding picks the
 *       largest coordinate.</li>
 * </ul>
 * Parameters are laid out in the iteration order of the map given to the constructor.
 */
public final class SearchSpaceTransform {
    private final Map<String, Distribution> space;
    private final List<String> names;
    private final int[] offsets;
    private final int dimension;

    public SearchSpaceTransform(Map<String, Distribution> space) {
        this.space = Collections.unmodifiableMap(new LinkedHashMap<>(space));
        this.names = List.copyOf(this.space.keySet());
        this.offsets = new int[names.size() + 1];
        int d = 0;
        for (int i = 0; i < names.size(); i++) {
            offsets[i] = d;
            d += width(this.space.get(names.get(i)));
        }
        offsets[names.size()] = d;
        this.dimension = d;
    }

    private static int width(Distribution distribution) {
        return distribution instanceof CategoricalDistribution c ? c.choices().size() : 1;
    }

    public Map<String, Distribution> space() {
        return space;
    }

    public List<String> names() {
        return names;
    }

    /** Number of unit-cube coordinates. */
    public int dimension() {
        return dimension;
    }

    /** First coordinate of a parameter. */
    public int offset(String name) {
        int i = names.indexOf(name);
        if (i < 0) {
            throw new InvalidDistributionException("parameter '" + name + "' is not in this space " + names);
        }
        return offsets[i];
    }

    /** Encodes internal values (see {@link Distribution}) into the unit cube. */
    public double[] toUnit(Map<String, Double> internal) {
        double[] x = new double[dimension];
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            Double value = internal.get(name);
            if (value == null) {
                throw new InvalidDistributionException("parameter '" + name + "' has no value to encode");
            }
            encode(space.get(name), value, x, offsets[i]);
        }
        return x;
    }

    /** Decodes a point of the cube (coordinates clipped to [0, 1]) into internal values. */
    public Map<String, Double> fromUnit(double[] x) {
        if (x.length != dimension) {
            throw new InvalidDistributionException("expected a point of dimension " + dimension + ", got " + x.length);
        }
        Map<String, Double> out = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            out.put(name, decode(space.get(name), x, offsets[i]));
        }
        return out;
    }

    /** Encodes one numeric parameter's internal value to [0, 1]. */
    public static double encode(Distribution distribution, double value) {
        double[] x = new double[width(distribution)];
        encode(distribution, value, x, 0);
        return x[0];
    }

    private static void encode(Distribution distribution, double value, double[] x, int at) {
        if (distribution instanceof FloatDistribution f) {
            double half = f.hasStep() ? f.step() / 2 : 0;
            x[at] = scale(value, f.low() - half, f.high() + half, f.log());
        } else if (distribution instanceof IntDistribution n) {
            double half = n.log() ? 0.5 : n.step() / 2.0;
            x[at] = scale(value, n.low() - half, n.high() + half, n.log());
        } else if (distribution instanceof ExponentialDistribution e) {
            x[at] = e.cdf(value);
        } else {
            x[at + (int) value] = 1.0;
        }
    }

    /** Decodes one coordinate (or one-hot block) into an admissible internal value. */
    public static double decode(Distribution distribution, double[] x, int at) {
        if (distribution instanceof FloatDistribution f) {
            double half = f.hasStep() ? f.step() / 2 : 0;
            return f.snap(unscale(clip(x[at]), f.low() - half, f.high() + half, f.log()));
        }
        if (distribution instanceof IntDistribution n) {
            double half = n.log() ? 0.5 : n.step() / 2.0;
            return n.snap(unscale(clip(x[at]), n.low() - half, n.high() + half, n.log()));
        }
        if (distribution instanceof ExponentialDistribution e) {
            return e.quantile(x[at]);
        }
        CategoricalDistribution c = (CategoricalDistribution) distribution;
        int best = 0;
        for (int k = 1; k < c.choices().size(); k++) {
            if (x[at + k] > x[at + best]) {
                best = k;
            }
        }
        return best;
    }

    private static double scale(double v, double lo, double hi, boolean log) {
        if (log) {
            v = Math.log(v);
            lo = Math.log(lo);
            hi = Math.log(hi);
        }
        if (hi == lo) {
            return 0.5;
        }
        if (Double.isInfinite(hi - lo)) {
            // a range wider than the largest double (float[-MAX_VALUE, MAX_VALUE]): the same ratio at half the scale
            return (v / 2 - lo / 2) / (hi / 2 - lo / 2);
        }
        return (v - lo) / (hi - lo);
    }

    private static double unscale(double u, double lo, double hi, boolean log) {
        if (log) {
            return Math.exp(Math.log(lo) + u * (Math.log(hi) - Math.log(lo)));
        }
        if (Double.isInfinite(hi - lo)) {
            return Math.min(hi, Math.max(lo, 2 * (lo / 2 + u * (hi / 2 - lo / 2))));
        }
        return lo + u * (hi - lo);
    }

    private static double clip(double u) {
        return Math.min(1.0, Math.max(0.0, u));
    }
}
