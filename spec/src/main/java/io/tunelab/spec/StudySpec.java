package io.tunelab.spec;

import io.tunelab.search.trial.Direction;
import java.util.List;
import java.util.Objects;

/**
 * A validated study file: everything needed to create a study and run its trials. Immutable; built
 * only by {@link StudySpecParser}, so every field has passed validation. Fields never null.
 *
 * @param study      the study name
 * @param directions one direction per objective
 * @param metrics    the metric each objective reads, one per direction
 * @param sampler    the sampler and its options (default: TPE, seed 0)
 * @param pruner     the pruner and its options (default: none)
 * @param budget     when the study stops
 * @param parallel   how many trials run at once and on which devices
 * @param trainer    the trainer that turns a trial into a model
 * @param data       the dataset and its options, checked by the trainer
 * @param space      the search space, as a define-by-run function over a trial
 * @param fit        training options (epochs, batch size, early stopping, schedule)
 * @param failFast   the study stops when this many first finished trials all fail with the same error
 *                   ({@code fail_fast}, default {@value #DEFAULT_FAIL_FAST}); 0 never stops it
 * @param heartbeat  how often running trials send a heartbeat and when a silent one is stale
 * @param constraints the bounds a trial's final metrics must keep to be feasible ({@code constraints});
 *                   empty when the file has none
 */
public record StudySpec(String study, List<Direction> directions, List<String> metrics, SamplerSpec sampler,
                        PrunerSpec pruner, BudgetSpec budget, ParallelSpec parallel, TrainerSpec trainer,
                        DataSpec data, SpaceDefinition space, FitSpec fit, int failFast, HeartbeatSpec heartbeat,
                        List<ConstraintSpec> constraints) {
    /** {@code fail_fast} when the file does not set it. */
    public static final int DEFAULT_FAIL_FAST = 5;

    public StudySpec {
        Objects.requireNonNull(study, "study");
        directions = List.copyOf(directions);
        metrics = List.copyOf(metrics);
        Objects.requireNonNull(sampler, "sampler");
        Objects.requireNonNull(pruner, "pruner");
        Objects.requireNonNull(budget, "budget");
        Objects.requireNonNull(parallel, "parallel");
        Objects.requireNonNull(trainer, "trainer");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(space, "space");
        Objects.requireNonNull(fit, "fit");
        if (failFast < 0) {
            throw new IllegalArgumentException("fail_fast must be 0 (off) or more, got " + failFast);
        }
        Objects.requireNonNull(heartbeat, "heartbeat");
        constraints = constraints == null ? List.of() : List.copyOf(constraints);
    }

    /** A spec without constraints (for callers written before {@code constraints} existed). */
    public StudySpec(String study, List<Direction> directions, List<String> metrics, SamplerSpec sampler,
                     PrunerSpec pruner, BudgetSpec budget, ParallelSpec parallel, TrainerSpec trainer,
                     DataSpec data, SpaceDefinition space, FitSpec fit, int failFast, HeartbeatSpec heartbeat) {
        this(study, directions, metrics, sampler, pruner, budget, parallel, trainer, data, space, fit, failFast,
                heartbeat, List.of());
    }

    /** Whether the study has several objectives. */
    public boolean isMultiObjective() {
        return directions.size() > 1;
    }
}
