package io.tunelab.bench.peer;

/**
 * The outcome of one run: after each trial, the best value so far and the milliseconds the peer has spent proposing
 * and learning so far (its own measure, without the function's evaluations), and each trial's objective values.
 *
 * @param bestAfter best value (of the first objective) over trials 0..k, at index k
 * @param msAfter   the peer's milliseconds over trials 0..k, at index k
 * @param values    trial k's objective values, at index k
 */
public record PeerRun(double[] bestAfter, double[] msAfter, double[][] values) {
    /** The best value of the run. */
    public double bestValue() {
        return bestAfter[bestAfter.length - 1];
    }

    /** The peer's milliseconds per trial over the run. */
    public double msPerTrial() {
        return msAfter[msAfter.length - 1] / msAfter.length;
    }
}
