package io.tunelab.search.sampler.auto;

import io.tunelab.search.sampler.NewTrials;
import io.tunelab.search.sampler.Sampler;
import io.tunelab.search.space.CategoricalDistribution;
import io.tunelab.search.space.Distribution;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.FrozenTrial;
import java.util.List;
import java.util.Map;

/**
 * What a study's complete trials show {@link AutoSampler}: the first trial's space, whether the space is
 * tree-structured (conditional, or with a categorical parameter), how many numeric parameters it has,
 * how many trials are the study's own (numbered from 0, not a warm start's prior trials), how many own
 * trials have completed since the best own value last improved, and whether CMA-ES has produced one.
 * Each complete trial is examined once ({@link NewTrials}). Thread-safe.
 */
final class StudyShape {
    private final NewTrials newTrials = new NewTrials();
    private Map<String, Distribution> firstSpace;
    private String[] firstNames;
    private boolean treeStructured;
    private int numeric;
    private long own;
    private long ownAtImprovement;
    private double best = Double.POSITIVE_INFINITY;
    private boolean cmaesStarted;

    /** The shape after the trials of {@code complete} not seen before. */
    synchronized Snapshot update(List<FrozenTrial> complete, Direction direction) {
        for (FrozenTrial t : newTrials.since(complete)) {
            if (firstSpace == null) {
                firstSpace = t.distributions();
                firstNames = firstSpace.keySet().toArray(String[]::new);
                numeric = (int) firstSpace.values().stream().filter(d -> !d.isSingle()).count();
                treeStructured = firstSpace.values().stream().anyMatch(d -> d instanceof CategoricalDistribution);
            } else if (!treeStructured && !hasFirstNames(t.distributions())) {
                treeStructured = true;
            }
            if (t.number() < 0 || t.values().size() != 1) {
                continue;
            }
            own++;
            double loss = direction.asLoss(t.value());
            if (loss < best - 1e-12 * (1 + Math.abs(best))) {
                best = loss;
                ownAtImprovement = own;
            }
            if ("cmaes".equals(Sampler.turnOf(t))) {
                cmaesStarted = true;
            }
        }
        return new Snapshot(firstSpace == null, treeStructured, numeric, own, own - ownAtImprovement, cmaesStarted);
    }

    /** Whether {@code space} has exactly the first trial's parameter names. */
    private boolean hasFirstNames(Map<String, Distribution> space) {
        if (space.size() != firstNames.length) {
            return false;
        }
        for (String name : firstNames) {
            if (!space.containsKey(name)) {
                return false;
            }
        }
        return true;
    }

    /** Records that CMA-ES has taken over, before any of its trials completes. */
    synchronized void cmaesStarted() {
        cmaesStarted = true;
    }

    /**
     * @param empty            no complete trial yet
     * @param treeStructured   conditional, or with a categorical parameter
     * @param numeric          numeric parameters of the first trial (those with more than one value)
     * @param own              the study's own complete trials
     * @param sinceImprovement own complete trials since the best own value last improved
     * @param cmaesStarted     whether CMA-ES has taken over
     */
    record Snapshot(boolean empty, boolean treeStructured, int numeric, long own, long sinceImprovement,
                    boolean cmaesStarted) {
    }
}
