package io.tunelab.spec;

import static io.tunelab.spec.OptionSpec.bool;
import static io.tunelab.spec.OptionSpec.integer;
import static io.tunelab.spec.OptionSpec.number;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * The names a study file may use: samplers and pruners with their typed options, trainers and
 * learning-rate schedules. Immutable. {@link #defaults()} lists what Tunelab ships; the composition
 * root may replace the trainer names with those of its trainer registry ({@link #withTrainers}).
 */
public final class SpecCatalog {
    private static final Range NON_NEGATIVE = Range.atLeast(0);
    private static final Range AT_LEAST_ONE = Range.atLeast(1);
    private static final Range PROBABILITY = Range.closed(0, 1);

    private final Map<String, List<OptionSpec>> samplers;
    private final Map<String, List<OptionSpec>> pruners;
    private final Set<String> trainers;
    private final Set<String> schedules;
    private final BiFunction<String, String, Optional<String>> metricCheck;

    private SpecCatalog(Map<String, List<OptionSpec>> samplers, Map<String, List<OptionSpec>> pruners,
                        Set<String> trainers, Set<String> schedules, BiFunction<String, String, Optional<String>> metricCheck) {
        this.samplers = samplers;
        this.pruners = pruners;
        this.trainers = trainers;
        this.schedules = schedules;
        this.metricCheck = metricCheck;
    }

    /** Tunelab's samplers, pruners, schedules and trainers. */
    public static SpecCatalog defaults() {
        Map<String, List<OptionSpec>> samplers = new LinkedHashMap<>();
        samplers.put("auto", List.of(integer("gp_trials_per_dimension", AT_LEAST_ONE), integer("tpe_every", NON_NEGATIVE),
                integer("local_every", Range.zeroOrAtLeast(2))));
        samplers.put("random", List.of());
        samplers.put("grid", List.of());
        samplers.put("qmc", List.of(bool("scramble")));
        samplers.put("tpe", List.of(integer("startup_trials", NON_NEGATIVE), integer("ei_candidates", AT_LEAST_ONE),
                number("gamma", new Range(0, true, 1, false)), number("prior_weight", Range.positive()),
                bool("multivariate"), bool("group"), bool("constant_liar"), bool("consider_endpoints"),
                bool("model_credit"), integer("small_space_ei_candidates", NON_NEGATIVE)));
        samplers.put("gp", List.of(integer("startup_trials", AT_LEAST_ONE), integer("max_points", Range.atLeast(10)),
                integer("restarts", AT_LEAST_ONE), bool("adaptive_region")));
        samplers.put("cmaes", List.of(integer("startup_trials", NON_NEGATIVE), integer("popsize", Range.atLeast(2)),
                number("sigma0", new Range(0, true, 1, false)), bool("margin"), bool("restarts")));
        samplers.put("nsga2", List.of(integer("population_size", Range.atLeast(2)),
                number("crossover_prob", PROBABILITY), number("mutation_prob", PROBABILITY),
                number("crossover_eta", Range.positive()), number("mutation_eta", Range.positive())));

        List<OptionSpec> median = List.of(integer("startup_trials", NON_NEGATIVE),
                integer("warmup_steps", NON_NEGATIVE), integer("interval_steps", AT_LEAST_ONE));
        Map<String, List<OptionSpec>> pruners = new LinkedHashMap<>();
        pruners.put("none", List.of());
        pruners.put("median", median);
        pruners.put("percentile", List.of(number("percentile", Range.closed(0, 100)).asRequired(), median.get(0),
                median.get(1), median.get(2)));
        pruners.put("asha", List.of(integer("min_resource", AT_LEAST_ONE), integer("reduction_factor", Range.atLeast(2)),
                integer("min_early_stopping_rate", NON_NEGATIVE)));
        pruners.put("hyperband", List.of(integer("min_resource", AT_LEAST_ONE), integer("max_resource", AT_LEAST_ONE),
                integer("reduction_factor", Range.atLeast(2))));

        Set<String> trainers = new LinkedHashSet<>(List.of("djl-mlp", "djl-wide-deep", "djl-cnn", "djl-rnn",
                "tribuo-logistic", "tribuo-linear-sgd", "tribuo-cart", "tribuo-random-forest", "tribuo-xgboost",
                "tribuo-liblinear", "tribuo-libsvm"));
        Set<String> schedules = new LinkedHashSet<>(List.of("constant", "power", "exponential", "piecewise",
                "plateau", "one_cycle", "cosine", "warmup"));
        return new SpecCatalog(Collections.unmodifiableMap(samplers), Collections.unmodifiableMap(pruners),
                Collections.unmodifiableSet(trainers), Collections.unmodifiableSet(schedules), (trainer, metric) -> Optional.empty());
    }

    /** The same catalog with these trainer names (in this order) instead of the defaults. */
    public SpecCatalog withTrainers(Set<String> names) {
        Objects.requireNonNull(names, "names");
        if (names.isEmpty()) {
            throw new IllegalArgumentException("a catalog needs at least one trainer name");
        }
        return new SpecCatalog(samplers, pruners, Collections.unmodifiableSet(new LinkedHashSet<>(names)),
                schedules, metricCheck);
    }

    /**
     * The same catalog with {@code check}: given a trainer and a metric, why the trainer reports no such metric (its
     * list of metrics), or empty when it does or cannot tell. The parser reports that problem at {@code metric} instead of
     * judging the metric's direction, since a metric the trainer never reports has no direction to get right.
     */
    public SpecCatalog withMetricCheck(BiFunction<String, String, Optional<String>> check) {
        return new SpecCatalog(samplers, pruners, trainers, schedules, Objects.requireNonNull(check, "check"));
    }

    /** Why {@code trainer} reports no metric {@code metric}, or empty ({@link #withMetricCheck}). */
    Optional<String> metricProblem(String trainer, String metric) {
        return metricCheck.apply(trainer, metric);
    }

    /** Sampler types in catalog order. */
    public Set<String> samplerTypes() {
        return samplers.keySet();
    }

    /** Pruner types in catalog order. */
    public Set<String> prunerTypes() {
        return pruners.keySet();
    }

    public Set<String> trainers() {
        return trainers;
    }

    public Set<String> schedules() {
        return schedules;
    }

    Map<String, List<OptionSpec>> samplerOptions() {
        return samplers;
    }

    Map<String, List<OptionSpec>> prunerOptions() {
        return pruners;
    }
}
