package io.tunelab.spark;

import io.tunelab.search.storage.TrialStorage;
import io.tunelab.search.study.Study;
import java.io.Serializable;

/**
 * A study as Spark tasks can rebuild it on any executor: how to open its shared storage and how to create
 * or load the study there (name, directions, sampler, pruner), and its study-wide trial budget. Both
 * functions travel to every executor, so they must be serialisable lambdas or classes.
 *
 * @param storage opens the shared storage (PostgreSQL or a {@code tunelab server}); called once a task
 * @param study   creates the study in that storage, or loads it when it exists ({@code StudyBuilder.createOrLoad()})
 * @param trials  the budget: trials of every task together
 */
public record SparkStudy(StorageFactory storage, StudyFactory study, int trials) implements Serializable {
    private static final long serialVersionUID = 1L;

    public SparkStudy {
        if (storage == null || study == null) {
            throw new SparkStudyException("SparkStudy: expected a storage factory and a study factory, got "
                    + (storage == null ? "no storage factory" : "no study factory"));
        }
        if (trials < 1) {
            throw new SparkStudyException("SparkStudy.trials: expected a budget of 1 or more trials, got " + trials);
        }
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
