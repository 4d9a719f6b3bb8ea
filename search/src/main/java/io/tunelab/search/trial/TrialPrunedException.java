package io.tunelab.search.trial;

import io.tunelab.search.SearchException;

/** Thrown by an objective to end its trial as PRUNED. */
public class TrialPrunedException extends SearchException {
    public TrialPrunedException() {
        super("trial was pruned");
    }

    public TrialPrunedException(String message) {
        super(message);
    }
}
