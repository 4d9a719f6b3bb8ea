package io.tunelab.search.sampler;

import io.tunelab.search.space.Distribution;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.StudyView;
import io.tunelab.search.trial.TrialState;
import java.util.List;
import java.util.Map;

/**
 * Chooses parameter values for trials from the study's history. Values cross this interface in
 * internal form (see {@link Distribution}).
 *
 * <p>Two ways to sample, as in Optuna: <em>relative</em> sampling draws the parameters of a known
 * search space together at the start of a trial (GP, QMC, NSGA-II, multivariate TPE);
 * <em>independent</em> sampling draws one parameter when the objective asks for it (random, TPE),
 * and also covers parameters outside the relative space (define-by-run).
 *
 * <p>Implementations must be thread-safe: parallel workers call them concurrently. They must draw
 * randomness only from an injected seeded {@link RandomStreams}.
 */
public interface Sampler {

    /**
     * The trial system attribute naming the sampler that chose a trial's parameters: {@code random} for a trial of a
     * model-based sampler's random start-up, which also records {@link #STARTUP_OF_ATTR}.
     */
    String SAMPLER_ATTR = "sampler";

    /**
     * The trial system attribute naming the model-based sampler whose random start-up drew the trial (its {@link
     * #SAMPLER_ATTR} is {@code random}); absent on every other trial.
     */
    String STARTUP_OF_ATTR = "startup_of";

    /**
     * The attributes of a trial that {@code sampler}'s random start-up drew: {@link #SAMPLER_ATTR} {@code random} and
     * {@link #STARTUP_OF_ATTR} {@code sampler}.
     */
    static Map<String, Object> startupAttrs(String sampler) {
        return Map.of(SAMPLER_ATTR, "random", STARTUP_OF_ATTR, sampler);
    }

    /**
     * How {@code trial}'s sampler reads in tables: the sampler it records, and for a start-up trial the sampler whose
     * start-up it was ({@code random (gp start-up)}); {@code null} when it records none.
     */
    static String label(FrozenTrial trial) {
        Object by = trial.systemAttrs().get(SAMPLER_ATTR);
        Object of = trial.systemAttrs().get(STARTUP_OF_ATTR);
        return by == null ? null : of == null ? by.toString() : by + " (" + of + " start-up)";
    }

    /**
     * Whose turn {@code trial} was: the sampler whose start-up drew it when it records one ({@link #STARTUP_OF_ATTR}),
     * else the sampler it records ({@link #SAMPLER_ATTR}); {@code null} when it records neither.
     */
    static String turnOf(FrozenTrial trial) {
        Object of = trial.systemAttrs().get(STARTUP_OF_ATTR);
        Object by = of != null ? of : trial.systemAttrs().get(SAMPLER_ATTR);
        return by == null ? null : by.toString();
    }

    /** The space to sample relatively for this trial; empty for purely independent samplers. */
    default Map<String, Distribution> relativeSearchSpace(StudyView study, FrozenTrial trial) {
        return Map.of();
    }

    /** Internal values for (a subset of) {@code space}; called once per trial, at its start. */
    default Map<String, Double> sampleRelative(StudyView study, FrozenTrial trial, Map<String, Distribution> space) {
        return Map.of();
    }

    /** An internal value for one parameter that relative sampling did not provide. */
    double sampleIndependent(StudyView study, FrozenTrial trial, String name, Distribution distribution);

    /** Called when a trial starts, before any sampling. */
    default void beforeTrial(StudyView study, FrozenTrial trial) {
    }

    /** Called when a trial has ended, with its final state and values. */
    default void afterTrial(StudyView study, FrozenTrial trial, TrialState state, List<Double> values) {
    }

    /** Whether the sampler has nothing left to propose (a finished grid): the study then stops. */
    default boolean isExhausted(StudyView study) {
        return false;
    }

    /**
     * Whether the proposals for a trial depend only on the view the sampler is given, the trial number,
     * its seeded streams and the asks made before in trial-number order, never on when trials finish
     * or on the objective's timing. Deterministic mode ({@code StudyBuilder.deterministic}) then makes
     * parallel runs reproducible; for other samplers {@code Study.optimize(objective, n)} runs trials
     * one at a time. False unless a sampler says so.
     */
    default boolean decidesFromViewOnly() {
        return false;
    }

    /** The sampler's configuration, for provenance (name and options). */
    default Map<String, Object> describe() {
        return Map.of("type", getClass().getSimpleName());
    }

    /**
     * System attributes to record on {@code trial} once its relative sampling is done: at least
     * {@link #SAMPLER_ATTR}, the name of the sampler that chose its parameters (for a sampler that
     * delegates, the delegate's), and any per-trial state the sampler wants to find again in the study's
     * trials. Called once per trial, right after {@link #sampleRelative}.
     */
    default Map<String, Object> trialAttrs(StudyView study, FrozenTrial trial) {
        return Map.of(SAMPLER_ATTR, String.valueOf(describe().get("type")));
    }
}
