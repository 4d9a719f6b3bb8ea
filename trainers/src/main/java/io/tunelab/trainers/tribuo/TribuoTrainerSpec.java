package io.tunelab.trainers.tribuo;

import io.tunelab.search.space.Distribution;
import io.tunelab.search.trial.Trial;
import io.tunelab.trainers.params.Hyperparameters;
import io.tunelab.trainers.tabular.Task;
import java.util.Optional;
import java.util.Set;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.regression.Regressor;

/**
 * One family of Tribuo models whose hyperparameters a study searches: it reads its documented
 * parameters ({@link #hyperparameters}) from the trial and builds the Tribuo trainer. A parameter is
 * searched only when asked for ({@link #with}, or every built-in range with {@link #withBuiltInRanges});
 * the others take their defaults, which the trial records as the user attribute {@code fixed_params}.
 * Implementations are immutable and thread-safe; each call builds a new trainer. Model randomness is
 * seeded from {@link Trial#seed()}.
 */
public interface TribuoTrainerSpec {

    /** Short name, e.g. {@code random_forest}; recorded as the trial attribute {@code trainer}. */
    String name();

    /** Whether this family trains models for {@code task} (most do both; logistic regression only classifies). */
    default boolean supports(Task task) {
        return true;
    }

    /** The parameters read for {@code task}: defaults, built-in ranges and meanings. */
    Hyperparameters hyperparameters(Task task);

    /** The parameters searched for {@code task} and their distributions; every other one is at its default. */
    ParamSpace space(Task task);

    /**
     * The choice parameter that decides whether this family reads {@code parameter}, with the choices under which it
     * does; empty when it always reads it (every family's parameters but LIBSVM's {@code gamma} and {@code degree}).
     */
    default Optional<ReadOnlyWhen> readOnlyWhen(String parameter) {
        return Optional.empty();
    }

    /** Reads this family's classification parameters through {@code trial} and builds the trainer. */
    Trainer<Label> classifier(Trial trial);

    /** Reads this family's regression parameters through {@code trial} and builds the trainer. */
    Trainer<Regressor> regressor(Trial trial);

    /**
     * A spec that searches {@code param} over {@code distribution}.
     *
     * @throws io.tunelab.trainers.TrainersException if this family has no such parameter, or the
     *         distribution's values cannot be read as it (see {@link io.tunelab.trainers.params.Hyperparameter#accepts})
     */
    TribuoTrainerSpec with(String param, Distribution distribution);

    /** A spec with {@code param} fixed to {@code value} (still recorded as a one-point parameter). */
    TribuoTrainerSpec fixed(String param, Object value);

    /** A spec that also searches every parameter not given by {@link #with} over its built-in range. */
    default TribuoTrainerSpec withBuiltInRanges() {
        return withBuiltInRangesBut(Set.of());
    }

    /**
     * A spec that also searches every parameter neither given by {@link #with} nor in {@code suggestedByCaller} over its
     * built-in range. The parameters of {@code suggestedByCaller} are those a caller's own space (a study file's)
     * suggests before the trainer reads them: a trial has them as that space gave them, and one whose condition was
     * false takes its default rather than a built-in range.
     */
    TribuoTrainerSpec withBuiltInRangesBut(Set<String> suggestedByCaller);
}
