package io.tunelab.cli.run;

import io.tunelab.search.space.Distribution;
import io.tunelab.search.trial.FrozenTrial;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The notice {@code tunelab run} gives when it resumes a study whose search space changed since the study file stored
 * with it: parameters added, removed, or searched from another distribution of the same kind (another kind is refused
 * before, see {@link StudyRunner#checkResumable}). It says what happens to the earlier trials: they keep their values;
 * the samplers learn about a parameter only from trials that suggested it from the same distribution (TPE's
 * observations, the joint space of {@link io.tunelab.search.sampler.IntersectionSearchSpace}), so a changed or added
 * parameter leaves the joint search of cmaes, gp, nsga2, qmc and multivariate tpe, which draw it on its own. Stateless.
 */
final class SpaceChange {
    private SpaceChange() {
    }

    /**
     * The notice for study {@code study}, or empty when nothing changed.
     *
     * @param before the space of the stored study file
     * @param now    the space of the file being run
     * @param trials the study's trials so far
     */
    static Optional<String> notice(String study, Map<String, Distribution> before, Map<String, Distribution> now,
                                   List<FrozenTrial> trials) {
        List<String> changes = new ArrayList<>();
        boolean newDistribution = false;
        for (Map.Entry<String, Distribution> e : now.entrySet()) {
            String name = e.getKey();
            Distribution was = before.get(name);
            if (was == null) {
                changes.add(name + " added");
                newDistribution = true;
            } else if (!was.equals(e.getValue())) {
                changes.add(name + " " + e.getValue().describe() + ", was " + was.describe()
                        + earlier(trials, t -> t.distributions().containsKey(name)
                        && !e.getValue().equals(t.distributions().get(name))));
                newDistribution = true;
            }
        }
        before.keySet().stream().filter(name -> !now.containsKey(name)).forEach(name -> changes.add(name + " removed"
                + earlier(trials, t -> t.distributions().containsKey(name))));
        if (changes.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("Study '" + study + "' resumes with a changed search space: " + String.join("; ", changes)
                + ". Earlier trials keep their values." + (newDistribution ? " Samplers learn about a changed or added"
                + " parameter only from trials that searched it from its new distribution; cmaes, gp, nsga2, qmc and"
                + " multivariate tpe draw it apart from their joint search from now on." : ""));
    }

    private static String earlier(List<FrozenTrial> trials, Predicate<FrozenTrial> holding) {
        long n = trials.stream().filter(holding).count();
        return n == 0 ? "" : " (in " + n + " earlier trial" + (n == 1 ? "" : "s") + ")";
    }
}
