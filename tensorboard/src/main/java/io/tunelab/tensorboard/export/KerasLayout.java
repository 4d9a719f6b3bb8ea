package io.tunelab.tensorboard.export;

import io.tunelab.search.trial.Direction;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a trial's metric goes in its run directory, as Keras's {@code TensorBoard(log_dir)} callback lays out one
 * {@code fit}, so that TensorBoard overlays a trial's train and validation curves in one chart: {@code val_X} goes to
 * {@code validation/} as {@code epoch_X}, {@code lr} to {@code train/} as {@code epoch_learning_rate}, any other
 * metric {@code X} to {@code train/} as {@code epoch_X}, and Tunelab's epoch {@code e} (from 1) is step {@code e - 1}
 * (Keras's epochs from 0). Histograms, images, texts and PR curves go to {@code train/} as well, where Keras's
 * {@code histogram_freq} writes weight histograms, at the same steps when logged per epoch ({@link #summaryDescription}).
 * The objective value, the intermediate values and the HParams session stay in the run directory itself, where
 * TensorBoard's HParams plugin reads a session. Each scalar tag's first record carries a description naming the
 * Tunelab metric ({@link #description}), the objective's its direction ({@link #objectiveDescription}) and a summary
 * tag's its steps, so that an import reads the run back as the trial it was. Stateless.
 */
public final class KerasLayout {
    /** Keras's subdirectory of training summaries. */
    public static final String TRAIN = "train";
    /** Keras's subdirectory of validation summaries. */
    public static final String VALIDATION = "validation";
    /** What Keras puts in front of a metric's name. */
    public static final String EPOCH_PREFIX = "epoch_";

    private static final String VALIDATION_PREFIX = "val_";
    private static final Pattern METRIC = Pattern.compile("Tunelab metric '(.*)' at step = epoch - 1");
    private static final String SUMMARY_PER_EPOCH = "Tunelab summary at step = epoch - 1";
    private static final String SUMMARY_OWN_STEPS = "Tunelab summary at its own steps";
    private static final Pattern OBJECTIVE = Pattern.compile("Tunelab objective value, (minimize|maximize)d");

    private KerasLayout() {
    }

    /**
     * Where a metric point goes.
     *
     * @param subdir the run's subdirectory, {@value #TRAIN} or {@value #VALIDATION}
     * @param tag    its scalar tag there
     * @param step   its step there: Tunelab's step less one
     */
    public record Place(String subdir, String tag, long step) {
    }

    /** Where metric {@code name}'s point at Tunelab step {@code step} goes. */
    public static Place of(String name, long step) {
        if (name.startsWith(VALIDATION_PREFIX) && name.length() > VALIDATION_PREFIX.length()) {
            return new Place(VALIDATION, EPOCH_PREFIX + name.substring(VALIDATION_PREFIX.length()), step - 1);
        }
        return new Place(TRAIN, EPOCH_PREFIX + (name.equals("lr") ? "learning_rate" : name), step - 1);
    }

    /** The Tunelab step of a point written at {@code step} ({@link #of}): one more. */
    public static long tunelabStep(long step) {
        return step + 1;
    }

    /** The description of metric {@code name}'s tag, which names it for an import. */
    public static String description(String name) {
        return "Tunelab metric '" + name + "' at step = epoch - 1";
    }

    /** The Tunelab metric a tag described by {@code description} holds, if Tunelab wrote it ({@link #description}). */
    public static Optional<String> metricOf(String description) {
        Matcher m = METRIC.matcher(description);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** The description of an objective tag of a study of direction {@code direction}, which says it for an import. */
    public static String objectiveDescription(Direction direction) {
        return "Tunelab objective value, " + direction.name().toLowerCase(Locale.ROOT) + "d";
    }

    /** The direction an objective tag described by {@code description} says ({@link #objectiveDescription}), if any. */
    public static Optional<Direction> directionOf(String description) {
        Matcher m = OBJECTIVE.matcher(description);
        return m.matches() ? Optional.of(Direction.valueOf(m.group(1).toUpperCase(Locale.ROOT))) : Optional.empty();
    }

    /**
     * The description of a summary tag (histogram, image, text, PR curve) whose first point is at Tunelab step
     * {@code firstStep}: a tag logged per epoch (from step 1, as the trainers log at step = epoch) goes at step
     * {@code epoch - 1}, beside the epoch's scalars as Keras's histograms are; one logged at step 0 (a model without
     * epochs, such as Tribuo's) at its own steps.
     */
    public static String summaryDescription(long firstStep) {
        return firstStep >= 1 ? SUMMARY_PER_EPOCH : SUMMARY_OWN_STEPS;
    }

    /** The step in {@code train/} of a point at Tunelab step {@code step} of a tag described by {@code description}. */
    public static long summaryStep(String description, long step) {
        return description.equals(SUMMARY_PER_EPOCH) ? step - 1 : step;
    }

    /**
     * The Tunelab step of a summary point written at {@code step} under a tag described by {@code description}, if
     * Tunelab wrote it ({@link #summaryDescription}).
     */
    public static OptionalLong tunelabSummaryStep(String description, long step) {
        return description.equals(SUMMARY_PER_EPOCH) ? OptionalLong.of(step + 1)
                : description.equals(SUMMARY_OWN_STEPS) ? OptionalLong.of(step) : OptionalLong.empty();
    }
}
