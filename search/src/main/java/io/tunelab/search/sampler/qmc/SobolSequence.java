package io.tunelab.search.sampler.qmc;

import io.tunelab.search.sampler.SamplerException;
import java.util.SplittableRandom;

/**
 * Points of the Sobol low-discrepancy sequence in {@code [0, 1)^d} (I. M. Sobol', "On the distribution
 * of points in a cube and the approximate evaluation of integrals", USSR Comput. Math. Math. Phys.
 * 7(4):86–112, 1967), with the Joe–Kuo direction numbers, in Gray-code order (Antonov and Saleev 1979):
 * point {@code n} is the XOR of the direction numbers selected by the bits of {@code n ^ (n >> 1)}, so
 * any point is computed directly from its index. The first {@code 2^m} points form a {@code (t, m, d)}-net:
 * every one-dimensional projection has exactly one point in each interval {@code [k/2^m, (k+1)/2^m)}.
 *
 * <p>The scrambled form applies a randomisation that keeps the net structure: a random
 * linear matrix scramble (J. Matoušek, "On the L2-discrepancy for anchored boxes", J. Complexity
 * 14:527–556, 1998) multiplies each dimension's direction numbers by a random lower-triangular binary
 * matrix with unit diagonal, and a random digital shift XORs every point of a dimension with one random
 * binary fraction. All randomness comes from the given seeded generator.
 *
 * <p>Immutable and thread-safe once built; {@code bits = 52}, so indices below {@code 2^52} are distinct points.
 */
public final class SobolSequence {
    static final int BITS = 52;
    private static final double SCALE = 0x1p-52;
    private static final long MASK = (1L << BITS) - 1;

    private final long[][] directions;
    private final long[] shifts;

    private SobolSequence(long[][] directions, long[] shifts) {
        this.directions = directions;
        this.shifts = shifts;
    }

    /** The plain Sobol sequence in {@code dimension} dimensions; its point 0 is the origin. */
    public static SobolSequence unscrambled(int dimension) {
        return new SobolSequence(plainDirections(dimension), new long[dimension]);
    }

    /**
     * A scrambled Sobol sequence: linear matrix scramble and digital shift drawn from {@code random},
     * dimension after dimension, so the first {@code k} dimensions do not depend on how many follow.
     */
    public static SobolSequence scrambled(int dimension, SplittableRandom random) {
        long[][] directions = plainDirections(dimension);
        long[] shifts = new long[dimension];
        for (int d = 0; d < dimension; d++) {
            long[] rows = lowerTriangular(random);
            for (int i = 0; i < BITS; i++) {
                directions[d][i] = multiply(rows, directions[d][i]);
            }
            shifts[d] = random.nextLong() & MASK;
        }
        return new SobolSequence(directions, shifts);
    }

    /** The largest supported dimension (1000). */
    public static int maxDimension() {
        return JoeKuoDirections.maxDimension();
    }

    private static long[][] plainDirections(int dimension) {
        if (dimension < 1 || dimension > maxDimension()) {
            throw new SamplerException("Sobol dimension must be in [1, " + maxDimension() + "], got " + dimension);
        }
        long[][] directions = new long[dimension][];
        for (int d = 0; d < dimension; d++) {
            directions[d] = JoeKuoDirections.directionNumbers(d, BITS);
        }
        return directions;
    }

    /**
     * A random lower-triangular binary matrix with unit diagonal, as one mask per row. Digit {@code r}
     * (0 = most significant, the bit {@code BITS - 1 - r} of a long) of the product is the parity of row
     * {@code r} AND the input: the diagonal keeps digit {@code r}, and more significant digits mix in.
     */
    private static long[] lowerTriangular(SplittableRandom random) {
        long[] rows = new long[BITS];
        for (int r = 0; r < BITS; r++) {
            long diagonal = 1L << (BITS - 1 - r);
            long moreSignificant = MASK & ~((diagonal << 1) - 1);
            rows[r] = diagonal | (random.nextLong() & moreSignificant);
        }
        return rows;
    }

    private static long multiply(long[] rows, long v) {
        long out = 0;
        for (int r = 0; r < BITS; r++) {
            if (Long.bitCount(rows[r] & v) % 2 == 1) {
                out |= 1L << (BITS - 1 - r);
            }
        }
        return out;
    }

    public int dimension() {
        return directions.length;
    }

    /** Point {@code index} of the sequence, each coordinate in {@code [0, 1)}. */
    public double[] point(long index) {
        if (index < 0 || index > MASK) {
            throw new SamplerException("Sobol point index must be in [0, 2^" + BITS + "), got " + index);
        }
        long gray = index ^ (index >>> 1);
        double[] x = new double[directions.length];
        for (int d = 0; d < directions.length; d++) {
            long bits = shifts[d];
            for (int i = 0; i < BITS && (gray >>> i) != 0; i++) {
                if (((gray >>> i) & 1) == 1) {
                    bits ^= directions[d][i];
                }
            }
            x[d] = bits * SCALE;
        }
        return x;
    }
}
