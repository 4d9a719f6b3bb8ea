package io.tunelab.tensorboard.export;

import io.tunelab.search.trial.Direction;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a trial's metric goes in its run directory, as Keras's {@code TensorBoard(log_dir)} callback lays out one
 * {@code fit}, so that TensorBoard overlays a trial's train and validation curves in one chart: {@code val_X} goes to
 * {@code validation/} as {@code epoch_X}, {@code lr} to {@code train/} as {@code epoch_learning_rate}, any other
 * metric {@code X} to {@code train/} as {@code epoch_X}, and Tunelab's epoch {@code e} (from 1) is step {@code e - 1}
 * (Keras's epochs from 0). The objective value, the intermediate values and the HParams session stay in the run
 * directory itself, where TensorBoard's HParams plugin reads a session. Each scalar tag's first record carries a
 * description naming the Tunelab metric ({@link #description}) and the objective's its direction
 * ({@link #objectiveDescription}), so that an import reads the run back as the trial it was. Stateless.
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
}
