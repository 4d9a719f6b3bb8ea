package io.tunelab.spark;

import io.tunelab.search.storage.TrialStorage;
import io.tunelab.search.study.Study;
import io.tunelab.tracker.liveness.RetryPolicy;
import java.io.Serializable;

/**
 * A study as Spark tasks can rebuild it on any executor: how to open its shared storage and how to create
 * or load the study there (name, directions, sampler, pruner), and its study-wide trial budget. Both
 * functions travel to every executor, so they must be serialisable lambdas or classes.
 *
 * @param storage opens the shared storage (PostgreSQL or a {@code tunelab server}); called once a task
 * @param study   creates the study in that storage, or loads it when it exists ({@code StudyBuilder.createOrLoad()})
 * @param trials  the budget: trials of every task together
 * @param retries how often a trial whose executor died (failed as stale) is retried with the same parameters,
 *                recorded on the study for every task ({@link RetryPolicy#DEFAULT} unless {@link #withRetries})
 */
public record SparkStudy(StorageFactory storage, StudyFactory study, int trials, RetryPolicy retries)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    public SparkStudy {
        if (storage == null || study == null) {
            throw new SparkStudyException("SparkStudy: expected a storage factory and a study factory, got "
                    + (storage == null ? "no storage factory" : "no study factory"));
        }
        if (trials < 1) {
            throw new SparkStudyException("SparkStudy.trials: expected a budget of 1 or more trials, got " + trials);
        }
        if (retries == null) {
            throw new SparkStudyException("SparkStudy.retries: expected a retry policy such as new RetryPolicy(2),"
                    + " got none");
        }
    }

    /** A study whose stale trials are retried {@value RetryPolicy#DEFAULT_MAX_RETRIES} times. */
    public SparkStudy(StorageFactory storage, StudyFactory study, int trials) {
        this(storage, study, trials, RetryPolicy.DEFAULT);
    }

    /** This study with stale trials retried up to {@code policy.maxRetries()} times (0: never). */
    public SparkStudy withRetries(RetryPolicy policy) {
        return new SparkStudy(storage, study, trials, policy);
    }

    /** Opens the study's shared storage; the caller closes it. */
    @FunctionalInterface
    public interface StorageFactory extends Serializable {
        TrialStorage open();
    }

    /** Creates or loads the study in an open storage. */
    @FunctionalInterface
    public interface StudyFactory extends Serializable {
        Study createOrLoad(TrialStorage storage);
    }
}
