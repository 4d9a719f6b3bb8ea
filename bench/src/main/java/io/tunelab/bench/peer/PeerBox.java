package io.tunelab.bench.peer;

import io.tunelab.search.SearchException;
import java.util.Arrays;

/**
 * What a peer searches: floats {@code x0, x1, ...}, each within its bounds and, when {@code step} is above 0, on the
 * grid {@code low, low + step, ..., high}.
 *
 * @param low  lower bound per coordinate
 * @param high upper bound per coordinate
 * @param step the grid step of every coordinate, or 0 for continuous floats
 */
public record PeerBox(double[] low, double[] high, double step) {
    public PeerBox {
        if (low.length == 0 || low.length != high.length) {
            throw new SearchException("a peer's box needs as many upper as lower bounds, at least one, got "
                    + low.length + " and " + high.length);
        }
        if (!(step >= 0)) {
            throw new SearchException("a peer's grid step must be >= 0 (0: continuous), got " + step);
        }
        low = low.clone();
        high = high.clone();
    }

    /** The cube [{@code low}, {@code high}]^{@code dim}. */
    public static PeerBox cube(int dim, double low, double high, double step) {
        double[] lo = new double[dim];
        double[] hi = new double[dim];
        Arrays.fill(lo, low);
        Arrays.fill(hi, high);
        return new PeerBox(lo, hi, step);
    }

    public int dim() {
        return low.length;
    }
}
