package io.tunelab.trainers.tribuo;

import io.tunelab.search.space.Distribution;
import io.tunelab.search.trial.Trial;
import io.tunelab.trainers.tabular.Task;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.regression.Regressor;

/**
 * One family of Tribuo models whose hyperparameters a study searches: it reads its documented
 * parameters from the trial (each suggested from the range in {@link #space}) and builds the Tribuo
 * trainer. Implementations are immutable and thread-safe; each call builds a new trainer. Model
 * randomness is seeded from {@link Trial#seed()}.
 */
public interface TribuoTrainerSpec {

    /** Short name, e.g. {@code random_forest}; recorded as the trial attribute {@code trainer}. */
    String name();

    /** The parameters read for {@code task} and their ranges: the defaults with any overrides applied. */
    ParamSpace space(Task task);

    /** Suggests this family's classification parameters through {@code trial} and builds the trainer. */
    Trainer<Label> classifier(Trial trial);

    /** Suggests this family's regression parameters through {@code trial} and builds the trainer. */
    Trainer<Regressor> regressor(Trial trial);

    /**
     * A spec that draws {@code param} from {@code distribution} instead of the default range.
     *
     * @throws io.tunelab.trainers.TrainersException if this family has no such parameter, or the
     *         distribution is of another kind (int, float, categorical) than the default
     */
    TribuoTrainerSpec with(String param, Distribution distribution);

    /** A spec with {@code param} fixed to {@code value} (still recorded as a one-point parameter). */
    TribuoTrainerSpec fixed(String param, Object value);
}
