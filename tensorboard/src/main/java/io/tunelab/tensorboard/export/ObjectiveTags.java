package io.tunelab.tensorboard.export;

import io.tunelab.search.trial.Direction;
import io.tunelab.tensorboard.event.HParamsSummaries;
import java.time.Instant;
import java.util.List;

/**
 * The scalar tags a study's objective values are written under, each described with its own direction
 * ({@link KerasLayout#objectiveDescription}), the one rule an export ({@link StudyExporter}) and a live logdir
 * ({@code fit.tensorboard_dir}) both follow and an import reads back: {@value #OBJECTIVE_TAG} for a study's one
 * objective, {@code objective_0}, {@code objective_1}... for several. Immutable.
 *
 * @param directions the study's directions, one per objective; not empty
 */
public record ObjectiveTags(List<Direction> directions) {
    /** The tag of a study's one objective, and what the tags of several begin with. */
    public static final String OBJECTIVE_TAG = "objective";

    public ObjectiveTags {
        if (directions.isEmpty()) {
            throw new IllegalArgumentException("directions: empty; expected one per objective of the study");
        }
        directions = List.copyOf(directions);
    }

    /**
     * The tag of objective {@code i} of {@code count}: {@value #OBJECTIVE_TAG} for a study's one objective,
     * {@code objective_0}, {@code objective_1}... for several.
     */
    public static String tag(int i, int count) {
        return count == 1 ? OBJECTIVE_TAG : OBJECTIVE_TAG + "_" + i;
    }

    /** Whether {@code tag} is one {@link #tag} names. */
    public static boolean isObjectiveTag(String tag) {
        return tag.equals(OBJECTIVE_TAG) || tag.matches(OBJECTIVE_TAG + "_\\d+");
    }

    /**
     * Writes a trial's objective values, one per direction, each under its tag with its direction, at the last step
     * {@code writer} wrote ({@link RunWriter#objective}); returns how many it wrote. A value beyond the directions
     * (a storage's inconsistency) is described with the last direction.
     */
    public int write(RunWriter writer, Instant wallTime, List<Double> values) {
        for (int i = 0; i < values.size(); i++) {
            writer.objective(tag(i, values.size()), direction(i), wallTime, values.get(i));
        }
        return values.size();
    }

    /** The HParams metric of objective {@code i} of {@code count}, described with its direction. */
    public HParamsSummaries.Metric metric(int i, int count) {
        String tag = tag(i, count);
        return new HParamsSummaries.Metric("", tag, KerasLayout.objectiveDescription(direction(i)));
    }

    private Direction direction(int i) {
        return directions.get(Math.min(i, directions.size() - 1));
    }
}
