package io.tunelab.search.sampler.qmc;

import io.tunelab.search.sampler.SamplerException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The Sobol direction numbers of S. Joe and F. Y. Kuo, "Constructing Sobol sequences with better
 * two-dimensional projections", SIAM J. Sci. Comput. 30:2635–2654 (2008), table {@code new-joe-kuo-6.21201}
 * cut to 1000 dimensions, read from the copy shipped inside commons-math3. Loaded once; immutable and
 * thread-safe.
 */
final class JoeKuoDirections {
    static final String RESOURCE = "/assets/org/apache/commons/math3/random/new-joe-kuo-6.1000";

    /** A primitive polynomial of degree {@code s} with inner coefficients {@code a} and initial numbers {@code m}. */
    private record Polynomial(int s, int a, int[] m) {
    }

    private static final class Table {
        static final List<Polynomial> POLYNOMIALS = load();
    }

    private JoeKuoDirections() {
    }

    /** The largest dimension the table supports. */
    static int maxDimension() {
        return Table.POLYNOMIALS.size() + 1;
    }

    /**
     * The direction numbers {@code v[0..bits-1]} of dimension {@code d} (0-based), each a {@code bits}-bit
     * binary fraction: {@code v[i] / 2^bits} is the {@code (i+1)}-th direction number.
     */
    static long[] directionNumbers(int d, int bits) {
        if (d < 0 || d >= maxDimension()) {
            throw new SamplerException("Sobol dimension must be in [1, " + maxDimension() + "], got " + (d + 1));
        }
        long[] v = new long[bits];
        if (d == 0) {
            for (int i = 0; i < bits; i++) {
                v[i] = 1L << (bits - 1 - i);
            }
            return v;
        }
        Polynomial p = Table.POLYNOMIALS.get(d - 1);
        for (int i = 0; i < Math.min(p.s(), bits); i++) {
            v[i] = (long) p.m()[i] << (bits - 1 - i);
        }
        for (int i = p.s(); i < bits; i++) {
            long x = v[i - p.s()] ^ (v[i - p.s()] >>> p.s());
            for (int k = 1; k < p.s(); k++) {
                if (((p.a() >>> (p.s() - 1 - k)) & 1) == 1) {
                    x ^= v[i - k];
                }
            }
            v[i] = x;
        }
        return v;
    }

    private static List<Polynomial> load() {
        InputStream in = JoeKuoDirections.class.getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new SamplerException("Sobol direction numbers not found on the class path at " + RESOURCE
                    + "; commons-math3 3.x must be present");
        }
        List<Polynomial> table = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
            reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] f = line.trim().split("\\s+");
                if (f.length < 4) {
                    continue;
                }
                int s = Integer.parseInt(f[1]);
                int[] m = new int[s];
                for (int i = 0; i < s; i++) {
                    m[i] = Integer.parseInt(f[3 + i]);
                }
                table.add(new Polynomial(s, Integer.parseInt(f[2]), m));
            }
        } catch (IOException | RuntimeException e) {
            throw new SamplerException("cannot read Sobol direction numbers from " + RESOURCE + ": " + e);
        }
        return List.copyOf(table);
    }
}
