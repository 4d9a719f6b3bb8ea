package io.tunelab.dashboard.data;

/**
 * How the dashboard's promote action is carried out when the application supplies more than a bare
 * alias move, e.g. an evaluation gate that compares the candidate with the alias's current holder.
 * Implementations are thread-safe.
 */
@FunctionalInterface
public interface Promoter {

    /** Registers the trial (if one is given) and moves the alias, unless a gate refuses; see {@link PromoteResult}. */
    PromoteResult promote(PromoteRequest request, TrialDetail trial);
}
