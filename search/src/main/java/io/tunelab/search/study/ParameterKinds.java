package io.tunelab.search.study;

import io.tunelab.search.space.CategoricalDistribution;
import io.tunelab.search.space.Distribution;
import io.tunelab.search.space.InvalidDistributionException;
import io.tunelab.search.trial.FrozenTrial;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * One study's rule that a parameter name keeps its kind of distribution across trials, as Optuna's: a later trial may
 * change a numeric range (the samplers model the ranges the trials share), but not the distribution's type (a float
 * that becomes a categorical, an int that becomes a float), nor a categorical's choices, whose indices the trials
 * store. The first distribution of each name is learned from the study's trials in number order the first time a name
 * is suggested here, so a trial of another process that shares the storage counts too; names this process has seen
 * cost a map lookup. Thread-safe.
 */
public final class ParameterKinds {
    private final Supplier<List<FrozenTrial>> trials;
    private final Map<String, Reference> first = new ConcurrentHashMap<>();

    /** The distribution a name was first suggested from, and the trial that did. */
    private record Reference(Distribution distribution, int trial) {
    }

    /** @param trials the study's trials, read again whenever a name is new to this process */
    ParameterKinds(Supplier<List<FrozenTrial>> trials) {
        this.trials = trials;
    }

    /** The rule as the trials {@code trials} show it (a study's, read once): to check a new study file against. */
    public static ParameterKinds of(List<FrozenTrial> trials) {
        return new ParameterKinds(() -> trials);
    }

    /**
     * Checks that trial {@code number} may suggest {@code name} from {@code distribution}.
     *
     * @throws InvalidDistributionException naming the parameter, both distributions and the trial of the first, when
     *                                      the two are of different types or are categoricals with other choices
     */
    void check(String name, Distribution distribution, int number) {
        String refusal = refusal(name, distribution, number);
        if (refusal != null) {
            throw new InvalidDistributionException("parameter '" + name + "': trial " + number + " suggests it from "
                    + distribution.describe() + ", but " + refusal);
        }
    }

    /**
     * Why {@code name} may not be suggested from {@code distribution} ("trial K of this study suggested it from D; a
     * parameter keeps ..."), or null when it may: it is new to the study (then recorded as first suggested by trial
     * {@code number}), or its first distribution is of the same type (and, for a categorical, has the same choices).
     */
    public String refusal(String name, Distribution distribution, int number) {
        Reference known = first.get(name);
        if (known == null) {
            learn();
            known = first.putIfAbsent(name, new Reference(distribution, number));
            if (known == null) {
                return null;
            }
        }
        String conflict = conflict(known.distribution(), distribution);
        return conflict == null ? null : "trial " + known.trial() + " of this study suggested it from "
                + known.distribution().describe() + "; " + conflict;
    }

    private void learn() {
        trials.get().stream().sorted(Comparator.comparingInt(FrozenTrial::number))
                .forEach(t -> t.distributions().forEach((n, d) -> first.putIfAbsent(n, new Reference(d, t.number()))));
    }

    /** Why {@code later} cannot follow {@code earlier} for the same name, or null when it can. */
    static String conflict(Distribution earlier, Distribution later) {
        if (earlier.getClass() != later.getClass()) {
            return "a parameter keeps one kind of distribution in a study (use another name for the new one)";
        }
        if (earlier instanceof CategoricalDistribution a && !a.choices().equals(((CategoricalDistribution) later).choices())) {
            return "a categorical parameter keeps its choices in a study (use another name for the new ones)";
        }
        return null;
    }
}
