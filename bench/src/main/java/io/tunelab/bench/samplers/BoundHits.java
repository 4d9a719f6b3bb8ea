package io.tunelab.bench.samplers;

import java.util.BitSet;

/**
 * Which proposals of one run over a box put a coordinate exactly on a bound: the symptom of a GP that runs into the
 * walls (once expected improvement is exhausted near a model certain of its incumbent, the most uncertain points of the
 * box, its corners, score highest: one corner after another; docs/sampler-benchmarks.md). Trials are recorded in order;
 * the share counts those after the first {@value #SKIPPED}, which are the samplers' random or designed start-up. Not
 * thread-safe: one run, one thread.
 */
public final class BoundHits {
    /** Trials left out of the share: every sampler's start-up. */
    public static final int SKIPPED = 10;
    private final double[] low;
    private final double[] high;
    private final BitSet hits = new BitSet();
    private int count;

    /** Hits on the bounds {@code low} and {@code high} of {@code problem}'s box. */
    public BoundHits(ContinuousProblem problem) {
        this.low = problem.low();
        this.high = problem.high();
    }

    /** Records the next trial's point. */
    public void record(double[] x) {
        for (int i = 0; i < x.length; i++) {
            if (x[i] <= low[i] || x[i] >= high[i]) {
                hits.set(count);
                break;
            }
        }
        count++;
    }

    /**
     * The share of trials {@value #SKIPPED} + 1 to {@code k} (numbered from 1) with a coordinate on a bound, or NaN when
     * {@code k <= } {@value #SKIPPED}.
     *
     * @throws IllegalArgumentException if more trials are asked for than recorded
     */
    public double shareAfterStartUp(int k) {
        if (k > count) {
            throw new IllegalArgumentException("only " + count + " trials recorded, asked for " + k);
        }
        if (k <= SKIPPED) {
            return Double.NaN;
        }
        return hits.get(SKIPPED, k).cardinality() / (double) (k - SKIPPED);
    }
}
