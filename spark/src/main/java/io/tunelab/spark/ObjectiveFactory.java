package io.tunelab.spark;

import io.tunelab.cli.run.SlotPlan;
import io.tunelab.search.study.Objective;
import java.io.Serializable;

/**
 * Builds a study's objective inside a Spark task, for the slots the task was given (its GPUs, or one CPU
 * slot of {@code spark.task.cpus} threads). Spark sends the factory to every executor, so it must be
 * serialisable: capture names, numbers and paths, and load data or models in {@link #create}.
 */
@FunctionalInterface
public interface ObjectiveFactory extends Serializable {
    Objective create(SlotPlan plan);
}
