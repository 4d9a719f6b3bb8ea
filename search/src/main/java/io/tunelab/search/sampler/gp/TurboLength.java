package io.tunelab.search.sampler.gp;

/**
 * The side length of TuRBO-1's trust region (Eriksson et al. 2019, "Scalable global optimization via local Bayesian
 * optimization"), with the paper's constants: it starts at {@value #INITIAL} of the unit cube, doubles (up to
 * {@value #MAX}) after {@value #SUCCESSES} successes in a row, halves after {@code max(4, d)} failures in a row, and
 * goes back to {@value #INITIAL} once it falls below 2⁻⁷ (the paper's restart, here without forgetting the data). A
 * trial succeeds when its loss improves on the best before it by more than {@value #IMPROVEMENT} of that best's
 * magnitude. The length is recomputed from the losses in trial order each time, so it depends on the finished trials
 * alone (deterministic mode stays deterministic). Stateless.
 */
final class TurboLength {
    static final double INITIAL = 0.8;
    static final double MAX = 1.6;
    static final double MIN = 1.0 / 128;
    static final int SUCCESSES = 3;
    static final double IMPROVEMENT = 1e-3;

    private TurboLength() {
    }

    /**
     * The side length after the trials whose losses are {@code losses}, in trial order ({@code +∞} for an
     * infeasible trial); the first {@code startup} only set the best, they neither succeed nor fail.
     *
     * @param dimension the number of parameters modelled, which sets the failure tolerance {@code max(4, d)}
     */
    static double of(double[] losses, int startup, int dimension) {
        int failureTolerance = Math.max(4, dimension);
        double length = INITIAL;
        double best = Double.POSITIVE_INFINITY;
        int successes = 0;
        int failures = 0;
        for (int i = 0; i < losses.length; i++) {
            double loss = losses[i];
            if (i >= startup) {
                if (loss < best - IMPROVEMENT * Math.abs(best)) {
                    successes++;
                    failures = 0;
                } else {
                    failures++;
                    successes = 0;
                }
                if (successes == SUCCESSES) {
                    length = Math.min(MAX, 2 * length);
                    successes = 0;
                } else if (failures == failureTolerance) {
                    length /= 2;
                    failures = 0;
                }
                if (length < MIN) {
                    length = INITIAL;
                }
            }
            best = Math.min(best, loss);
        }
        return length;
    }
}
