package io.tunelab.spec;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a Keras user writes under {@code fit} that Tunelab spells otherwise: each of Keras's callbacks and
 * {@code fit()} arguments with the field that does its work here. Keys are matched without case, {@code _} or
 * {@code -}, so {@code reduce_lr_on_plateau}, {@code ReduceLROnPlateau} and {@code reduce-lr-on-plateau} alike. Stateless.
 */
final class KerasHints {
    private static final String CHECKPOINT = "Keras's ModelCheckpoint is `checkpoint_every: N` (a resumable checkpoint"
            + " every N epochs) and `early_stopping: {patience: N, restore_best: true}` (the best epoch's weights are the"
            + " ones kept, as save_best_only)";
    private static final String SCHEDULER = "Keras's LearningRateScheduler is `schedule: {type: TYPE, ...}`";
    private static final String PLATEAU = "Keras's ReduceLROnPlateau is `schedule: {type: plateau, factor: 0.5,"
            + " patience: 2, min_lr: 0.0001}`";
    private static final String RATE = "the learning rate is a hyperparameter: search it in space"
            + " (`learning_rate: {float: [0.0001, 0.1], log: true}`) or fix it there (`learning_rate: {choice: [0.01]}`)";
    private static final Map<String, String> FIT = Map.ofEntries(
            Map.entry("callbacks", "Keras's callbacks are fields of fit here: early_stopping (EarlyStopping), schedule"
                    + " (LearningRateScheduler, ReduceLROnPlateau), checkpoint_every and early_stopping.restore_best"
                    + " (ModelCheckpoint), tensorboard_dir (TensorBoard)"),
            Map.entry("reducelronplateau", PLATEAU),
            Map.entry("modelcheckpoint", CHECKPOINT),
            Map.entry("checkpoint", CHECKPOINT),
            Map.entry("learningratescheduler", SCHEDULER),
            Map.entry("lrscheduler", SCHEDULER),
            Map.entry("tensorboard", "Keras's TensorBoard callback is `tensorboard_dir: DIR`"),
            Map.entry("validationsplit", "the validation split is `data: {valid_split: ...}`"),
            Map.entry("validationdata", "the validation split is `data: {valid_split: ...}`"),
            Map.entry("learningrate", RATE),
            Map.entry("lr", RATE),
            Map.entry("optimizer", "the optimizer is a hyperparameter: `optimizer: {choice: [adam]}` in space"));

    /** Keras's (and the book's) schedule classes, by the Tunelab schedule type that does their work. */
    private static final Map<String, String> SCHEDULE_TYPES = Map.ofEntries(
            Map.entry("exponentialdecay", "exponential"),
            Map.entry("piecewiseconstantdecay", "piecewise"),
            Map.entry("inversetimedecay", "power"),
            Map.entry("cosinedecay", "cosine"),
            Map.entry("reducelronplateau", "plateau"),
            Map.entry("onecyclescheduler", "one_cycle"),
            Map.entry("onecyclelr", "one_cycle"),
            Map.entry("onecycle", "one_cycle"));

    private KerasHints() {
    }

    /**
     * The hint for an unknown {@code fit.schedule.type} that names a Keras schedule class (ExponentialDecay,
     * PiecewiseConstantDecay, InverseTimeDecay, CosineDecay, ReduceLROnPlateau, the book's OneCycleScheduler),
     * matched as {@link #forFitKey} matches keys; empty for any other name.
     */
    static Optional<String> forScheduleType(String given) {
        String type = SCHEDULE_TYPES.get(given.toLowerCase(Locale.ROOT).replace("_", "").replace("-", ""));
        return Optional.ofNullable(type == null ? null : "Keras's " + given + " is `type: " + type + "`");
    }

    /** The hint for an unknown key under {@code fit}, naming the schedule types where it helps. */
    static Optional<String> forFitKey(String key, Collection<String> schedules) {
        String hint = FIT.get(key.toLowerCase(Locale.ROOT).replace("_", "").replace("-", ""));
        return Optional.ofNullable(hint == null ? null : hint.equals(SCHEDULER)
                ? hint + " with TYPE one of " + Texts.oneOf(schedules) : hint);
    }
}
