package io.tunelab.cli.run;

import io.tunelab.search.storage.TrialStorage;
import java.util.function.IntSupplier;

/**
 * A study's trial budget as stored with it ({@value StudyRunner#BUDGET_TRIALS}), which {@code tunelab create}
 * raises or lowers while workers run: each read asks the storage, so that a worker claims its next trial within
 * the budget of that moment. A study without a stored budget, or with none above 0 (a file bounded by its timeout
 * only), keeps the last budget read. Thread-safe.
 */
final class StoredBudget implements IntSupplier {
    private final TrialStorage storage;
    private final long studyId;
    private volatile int last;

    /** @param initial the budget until the storage says another */
    StoredBudget(TrialStorage storage, long studyId, int initial) {
        this.storage = storage;
        this.studyId = studyId;
        this.last = initial;
    }

    /** Reads the budget from the storage (one query). */
    @Override
    public int getAsInt() {
        if (storage.study(studyId).systemAttrs().get(StudyRunner.BUDGET_TRIALS) instanceof Number n && n.intValue() > 0) {
            last = n.intValue();
        }
        return last;
    }

    /** The budget last read, without asking the storage. */
    int last() {
        return last;
    }
}
