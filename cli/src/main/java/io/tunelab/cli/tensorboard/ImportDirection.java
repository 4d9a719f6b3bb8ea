package io.tunelab.cli.tensorboard;

import io.tunelab.cli.error.CliException;
import io.tunelab.search.SearchException;
import io.tunelab.search.storage.StudyRecord;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.MetricDirection;
import java.util.Locale;
import java.util.Optional;

/**
 * The direction of {@code tunelab import tensorboard}: {@code --direction} when given; else the one the logdir says
 * (Tunelab's objective tag, written by its export and {@code fit.tensorboard_dir}, says its study's); else the one the
 * metric's name says ({@link MetricDirection}); either with a note saying so and how to override it; else, into an
 * existing study of one direction, that study's. Otherwise the user must choose.
 *
 * @param direction the direction to import with
 * @param note      one line for the user when the direction was taken from the logdir or the metric's name, else empty
 */
record ImportDirection(Direction direction, Optional<String> note) {

    /**
     * Resolves the direction of importing {@code metric} with option value {@code option} (null when absent) into
     * {@code existing} (empty for a new study) from a logdir that says {@code logdirSays} (empty when nothing).
     *
     * @throws CliException naming the option when {@code option} is neither minimize nor maximize, or when nothing
     *                      tells the direction
     */
    static ImportDirection resolve(String option, String metric, Optional<StudyRecord> existing,
            Optional<Direction> logdirSays) {
        if (option != null) {
            try {
                return new ImportDirection(Direction.parse(option), Optional.empty());
            } catch (SearchException e) {
                throw new CliException("--direction: expected minimize or maximize, got '" + option + "'");
            }
        }
        if (logdirSays.isPresent()) {
            Direction d = logdirSays.get();
            return new ImportDirection(d, Optional.of("took --direction " + lower(d) + " from the logdir (its '" + metric
                    + "' tag says its study's); pass --direction " + lower(other(d)) + " to override"));
        }
        Optional<MetricDirection> named = MetricDirection.of(metric);
        if (named.isPresent()) {
            Direction d = named.get().direction();
            return new ImportDirection(d, Optional.of("inferred --direction " + lower(d) + " from --metric '" + metric
                    + "' (its name holds '" + named.get().word() + "'); pass --direction " + lower(other(d)) + " to override"));
        }
        if (existing.isPresent() && existing.get().directions().size() == 1) {
            return new ImportDirection(existing.get().directions().get(0), Optional.empty());
        }
        throw new CliException("--metric '" + metric + "' does not say whether larger or smaller values are better;"
                + " expected --direction minimize or --direction maximize");
    }

    private static Direction other(Direction d) {
        return d == Direction.MINIMIZE ? Direction.MAXIMIZE : Direction.MINIMIZE;
    }

    private static String lower(Direction d) {
        return d.name().toLowerCase(Locale.ROOT);
    }
}
