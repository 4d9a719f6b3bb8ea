package io.tunelab.spark;

import io.tunelab.cli.run.BudgetCompletion;
import io.tunelab.search.storage.TrialStorage;
import io.tunelab.search.study.MultiObjective;
import io.tunelab.search.study.Study;
import io.tunelab.search.trial.FrozenTrial;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.apache.spark.api.java.JavaSparkContext;
import org.slf4j.LoggerFactory;

/**
 * The Java API for studies on Spark: {@link #optimize} creates (or loads) the study on the driver, then
 * runs {@code parallelism} Spark tasks, each the worker loop of {@code tunelab worker} (the study-wide
 * budget, heartbeats, retry of trials whose executor died) against the shared storage.
 */
public final class SparkStudyRunner {
    private final JavaSparkContext spark;

    public SparkStudyRunner(JavaSparkContext spark) {
        this.spark = spark;
    }

    /**
     * Runs {@code study} to its budget on {@code parallelism} Spark tasks and returns its trials, numbered
     * 0, 1, ... across all tasks. A task whose executor is lost leaves its trial RUNNING; the trial's
     * heartbeat stops, it is failed as stale and retried with the same parameters by a task still
     * running (or by Spark's retry of the lost task), up to {@link SparkStudy#retries()} times: the driver
     * records that policy on the study before the tasks start.
     *
     * @throws SparkStudyException when {@code study} or {@code objectiveFactory} is not serialisable (checked
     *                             before any Spark job starts), or the Spark job fails
     */
    public List<FrozenTrial> optimize(SparkStudy study, ObjectiveFactory objectiveFactory, int parallelism) {
        SparkTasks.checkSerialisable("objectiveFactory", objectiveFactory);
        SparkTasks.checkSerialisable("study", study);
        try (TrialStorage storage = study.storage().open()) {
            study.retries().recordOn(storage, study.study().createOrLoad(storage).studyId());
        }
        SparkTasks.run(spark, parallelism, "objectiveFactory", new WorkerTask(study, objectiveFactory));
        try (TrialStorage storage = study.storage().open()) {
            return new ArrayList<>(study.study().createOrLoad(storage).trials());
        }
    }

    /** One task: the budget loop of {@code tunelab worker} with the user's objective. */
    private record WorkerTask(SparkStudy study, ObjectiveFactory objectives) implements TaskWork<Integer> {
        @Override
        public Integer run(io.tunelab.cli.run.SlotPlan plan) {
            BooleanSupplier never = () -> false;
            try (TrialStorage storage = study.storage().open();
                 PrintWriter out = new PrintWriter(new LogWriter(LoggerFactory.getLogger(SparkStudyRunner.class)))) {
                Study joined = study.study().createOrLoad(storage);
                new BudgetCompletion(storage, out).optimize(joined, MultiObjective.of(objectives.create(plan)), study.trials(), 0,
                        plan.slots(), List.of(), never);
                return joined.trials().size();
            }
        }
    }
}
