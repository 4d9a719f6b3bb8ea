package io.tunelab.bench.samplers;

import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.Trial;
import java.util.List;

/**
 * A benchmark problem of {@code shared/bench/PROBLEMS.md}: it suggests its own parameters through
 * the trial, so samplers see it as any define-by-run objective. Implementations are immutable and
 * thread-safe.
 */
public interface BenchProblem {

    /** The name used on the command line and in the CSV, e.g. {@code branin}. */
    String name();

    /** Trials per run by default (100, or 200 for the harder problems). */
    int defaultTrials();

    /** Every objective is minimised; one direction per objective. */
    List<Direction> directions();

    /** Suggests the parameters and returns the objective values. */
    double[] evaluate(Trial trial);

    /**
     * For a single objective the optimal value f*; for several, the hypervolume of the true Pareto front
     * with respect to {@link #referencePoint()}.
     */
    double optimum();

    /** Reference point of the hypervolume (multi-objective problems only). */
    default double[] referencePoint() {
        return new double[] {1, 1};
    }

    default boolean isMultiObjective() {
        return directions().size() > 1;
    }
}
