package io.tunelab.spark;

import io.tunelab.cli.run.SlotPlan;
import java.io.Serializable;

/**
 * What one Spark task does on its executor, given the slots its resources give it. Spark ships it to every
 * executor, so it must be serialisable, and so must all it holds.
 *
 * @param <R> what the task sends back to the driver (serialisable too)
 */
@FunctionalInterface
public interface TaskWork<R extends Serializable> extends Serializable {
    R run(SlotPlan plan);
}
