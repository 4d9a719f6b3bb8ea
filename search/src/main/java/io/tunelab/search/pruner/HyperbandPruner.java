package io.tunelab.search.pruner;

import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.StudyView;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.CRC32;

/**
 * Hyperband (L. Li, K. Jamieson, G. DeSalvo, A. Rostamizadeh, A. Talwalkar: "Hyperband: A Novel
 * Bandit-Based Approach to Hyperparameter Optimization", JMLR 18(185):1–52, 2017), run asynchronously
 * over {@link SuccessiveHalvingPruner ASHA} brackets as Optuna's {@code HyperbandPruner} does.
 *
 * <p>There are {@code n = floor(log_eta(maxResource / minResource)) + 1} brackets (computed exactly in
 * integers); bracket {@code b} is successive halving with minimum early-stopping rate {@code b}, so
 * bracket 0 prunes most aggressively and the last bracket prunes little. Each trial belongs to one
 * bracket, chosen from its number as Optuna chooses it: the CRC-32 of {@code "<study name>_<number>"}
 * modulo the total budget, walked through the bracket budgets {@code ceil(n * eta^s / (s + 1))} with
 * {@code s = n - 1 - b}. A bracket judges a trial only against the trials of the same bracket.
 *
 * <p>Steps are the resource, as in {@link SuccessiveHalvingPruner}: with epochs reported from 1, a rung at step
 * {@code r} is reached after {@code r} epochs. With an automatic maximum resource ({@link #autoMaxResource}), it
 * is the largest last step + 1 over the COMPLETE trials when first needed (Optuna's: the number of steps 0..last),
 * fixed once known; nothing is pruned before. With epochs from 1 that is one more than the epochs, which can add a last
 * bracket whose first rung no trial reaches: that bracket, Hyperband's most patient, prunes nothing, as the most
 * patient bracket does anyway. Thread-safe.
 */
public final class HyperbandPruner implements Pruner {
    private static final int AUTO = 0;

    private final int minResource;
    private final int maxResource;
    private final int reductionFactor;
    private final int bootstrapCount;
    private final AtomicReference<Brackets> brackets = new AtomicReference<>();

    /**
     * @param minResource     step of bracket 0's first rung, {@code >= 1}
     * @param maxResource     the most steps a trial runs, {@code >= minResource}
     * @param reductionFactor {@code eta}, {@code >= 2}
     * @param bootstrapCount  trials a rung needs before it promotes anyone, {@code >= 0}
     */
    public HyperbandPruner(int minResource, int maxResource, int reductionFactor, int bootstrapCount) {
        this(minResource, maxAtLeastMin(minResource, maxResource), reductionFactor, bootstrapCount, false);
    }

    private static int maxAtLeastMin(int minResource, int maxResource) {
        PrunerException.atLeast("minResource", minResource, 1);
        if (maxResource < minResource) {
            throw new PrunerException("maxResource must be at least minResource (" + minResource + "), got " + maxResource);
        }
        return maxResource;
    }

    /** Hyperband without bootstrap. */
    public HyperbandPruner(int minResource, int maxResource, int reductionFactor) {
        this(minResource, maxResource, reductionFactor, 0);
    }

    /** Optuna's defaults: minimum resource 1, automatic maximum resource, reduction factor 3. */
    public HyperbandPruner() {
        this(1, AUTO, 3, 0, true);
    }

    private HyperbandPruner(int minResource, int maxResource, int reductionFactor, int bootstrapCount,
                            boolean autoMax) {
        this.minResource = PrunerException.atLeast("minResource", minResource, 1);
        this.maxResource = autoMax ? AUTO : maxResource;
        this.reductionFactor = PrunerException.atLeast("reductionFactor", reductionFactor, 2);
        this.bootstrapCount = PrunerException.atLeast("bootstrapCount", bootstrapCount, 0);
        if (!autoMax) {
            brackets.set(new Brackets(maxResource));
        }
    }

    /** Hyperband whose maximum resource is the longest COMPLETE trial's length, estimated once one exists. */
    public static HyperbandPruner autoMaxResource(int minResource, int reductionFactor) {
        return new HyperbandPruner(minResource, AUTO, reductionFactor, 0, true);
    }

    /** The number of brackets, or empty while an automatic maximum resource is unknown. */
    public OptionalInt bracketCount(StudyView study) {
        Brackets b = brackets(study);
        return b == null ? OptionalInt.empty() : OptionalInt.of(b.pruners.size());
    }

    /** The bracket trial {@code number} of {@code study} belongs to, or empty while unknown. */
    public OptionalInt bracketOf(StudyView study, int number) {
        Brackets b = brackets(study);
        return b == null ? OptionalInt.empty() : OptionalInt.of(b.bracketOf(study.name(), number));
    }

    @Override
    public PruneDecision evaluate(StudyView study, FrozenTrial trial) {
        Brackets b = brackets(study);
        if (b == null) {
            return PruneDecision.keep("the maximum resource is estimated from the completed trials,"
                    + " and none has completed");
        }
        int bracket = b.bracketOf(study.name(), trial.number());
        StudyView own = new BracketView(study, n -> b.bracketOf(study.name(), n) == bracket);
        PruneDecision d = b.pruners.get(bracket).evaluate(own, trial);
        return new PruneDecision(d.prune(), d.step(), d.value(), d.threshold(),
                "bracket " + bracket + " of " + b.pruners.size() + ": " + d.reason());
    }

    private Brackets brackets(StudyView study) {
        Brackets known = brackets.get();
        if (known != null) {
            return known;
        }
        OptionalInt lastStep = Curves.longestLastStep(study);
        if (lastStep.isEmpty()) {
            return null;
        }
        brackets.compareAndSet(null, new Brackets(Math.max(minResource, lastStep.getAsInt() + 1)));
        return brackets.get();
    }

    @Override
    public Map<String, Object> describe() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("type", "hyperband");
        d.put("min_resource", minResource);
        d.put("max_resource", maxResource == AUTO ? "auto" : maxResource);
        d.put("reduction_factor", reductionFactor);
        d.put("bootstrap_count", bootstrapCount);
        return d;
    }

    /** The brackets for a known maximum resource, with each bracket's share of trials. */
    private final class Brackets {
        final List<SuccessiveHalvingPruner> pruners = new ArrayList<>();
        final long[] budgets;
        final long total;

        Brackets(int max) {
            int n = 1;
            for (long r = (long) minResource * reductionFactor; r <= max; r *= reductionFactor) {
                n++;
            }
            budgets = new long[n];
            long sum = 0;
            for (int b = 0; b < n; b++) {
                pruners.add(new SuccessiveHalvingPruner(minResource, reductionFactor, b, bootstrapCount));
                int s = n - 1 - b;
                long power = 1;
                for (int i = 0; i < s; i++) {
                    power *= reductionFactor;
                }
                budgets[b] = (n * power + s) / (s + 1);
                sum += budgets[b];
            }
            total = sum;
        }

        int bracketOf(String studyName, int number) {
            CRC32 crc = new CRC32();
            crc.update((studyName + "_" + number).getBytes(StandardCharsets.UTF_8));
            long left = crc.getValue() % total;
            for (int b = 0; b < budgets.length; b++) {
                left -= budgets[b];
                if (left < 0) {
                    return b;
                }
            }
            return budgets.length - 1;
        }
    }
}
