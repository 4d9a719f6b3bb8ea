package io.tunelab.search.study;

import io.tunelab.search.space.Distribution;
import io.tunelab.search.trial.FrozenTrial;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The notice that a study resumes with a changed search space: parameters added, removed, or searched from another
 * distribution of the same kind (another kind is refused, see {@link ParameterKinds}). It says what happens to the
 * earlier trials: they keep their values; the samplers learn about a parameter only from trials that suggested it from
 * the same distribution (TPE's observations, the joint space of {@link io.tunelab.search.sampler.IntersectionSearchSpace}),
 * so a changed or added parameter leaves the joint search of cmaes, gp, nsga2, qmc and multivariate tpe, which draw it
 * on its own. Given by {@code tunelab run} from the spaces of two study files ({@link #notice}), and logged by a resumed
 * {@link Study} from its first trial's distributions ({@link #ofTrial}). Stateless.
 */
public final class SpaceChange {
    private SpaceChange() {
    }

    /**
     * The notice for study {@code study}, or empty when nothing changed.
     *
     * @param before the space searched so far (of the stored study file)
     * @param now    the space searched from now on (of the file being run)
     * @param trials the study's trials so far
     */
    public static Optional<String> notice(String study, Map<String, Distribution> before, Map<String, Distribution> now,
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
                changes.add(changed(name, e.getValue(), was, trials));
                newDistribution = true;
            }
        }
        before.keySet().stream().filter(name -> !now.containsKey(name)).forEach(name -> changes.add(name + " removed"
                + earlier(trials, t -> t.distributions().containsKey(name))));
        return say(study, changes, newDistribution);
    }

    /**
     * The notice for study {@code study} whose trial {@code trial}, the first of this run, searches a parameter from a
     * distribution none of the {@code earlier} trials searched it from (each changed parameter named with the
     * distribution of the latest earlier trial holding it), or empty when there is none: a parameter new to the study,
     * or one some earlier trial searched from the same distribution (as a conditional space may), is no change.
     */
    public static Optional<String> ofTrial(String study, FrozenTrial trial, List<FrozenTrial> earlier) {
        List<String> changes = new ArrayList<>();
        trial.distributions().forEach((name, now) -> {
            List<FrozenTrial> holding = earlier.stream().filter(t -> t.distributions().containsKey(name)).toList();
            if (!holding.isEmpty() && holding.stream().noneMatch(t -> now.equals(t.distributions().get(name)))) {
                Distribution was = holding.stream().max(Comparator.comparingInt(FrozenTrial::number)).orElseThrow()
                        .distributions().get(name);
                changes.add(changed(name, now, was, holding));
            }
        });
        return say(study, changes.isEmpty() ? changes : List.of("trial " + trial.number() + " searches "
                + String.join("; ", changes)), true);
    }

    private static String changed(String name, Distribution now, Distribution was, List<FrozenTrial> trials) {
        return name + " " + now.describe() + ", was " + was.describe() + earlier(trials,
                t -> t.distributions().containsKey(name) && !now.equals(t.distributions().get(name)));
    }

    private static Optional<String> say(String study, List<String> changes, boolean newDistribution) {
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
