package io.tunelab.trainers.tribuo;

import io.tunelab.search.space.CategoricalDistribution;
import io.tunelab.search.space.Distribution;
import io.tunelab.search.space.FloatDistribution;
import io.tunelab.search.space.IntDistribution;
import io.tunelab.search.trial.Trial;
import io.tunelab.trainers.TrainersException;

/**
 * Reads parameters of a {@link ParamSpace} from a trial: each read suggests the parameter from its
 * distribution (define-by-run, so a parameter read only in some branches is conditional). A parameter
 * the trial already has (suggested by a study file's space, or enqueued) is used as it is. Used by the
 * thread running the trial.
 */
public final class Params {
    private final ParamSpace space;
    private final Trial trial;

    Params(ParamSpace space, Trial trial) {
        this.space = space;
        this.trial = trial;
    }

    /** An integer parameter; throws if its distribution is not an integer one. */
    public int integer(String name) {
        Distribution d = space.get(name);
        if (!(d instanceof IntDistribution)) {
            throw kind(name, d, "an int");
        }
        return ((Number) value(name, d)).intValue();
    }

    /** A real parameter; integer distributions are accepted and widened. */
    public double real(String name) {
        Distribution d = space.get(name);
        if (d instanceof CategoricalDistribution) {
            throw kind(name, d, "a float");
        }
        return ((Number) value(name, d)).doubleValue();
    }

    /** A categorical parameter as a string. */
    public String choice(String name) {
        Distribution d = space.get(name);
        if (!(d instanceof CategoricalDistribution)) {
            throw kind(name, d, "a categorical");
        }
        return String.valueOf(value(name, d));
    }

    private Object value(String name, Distribution d) {
        Object given = trial.params().get(name);
        return given != null ? given : trial.suggest(name, d);
    }

    /** A real parameter narrowed to float, as several Tribuo trainers take them. */
    public float real32(String name) {
        return (float) real(name);
    }

    private static TrainersException kind(String name, Distribution d, String expected) {
        return new TrainersException("parameter '" + name + "' needs " + expected + " distribution, got "
                + d.describe() + (d instanceof FloatDistribution ? " (a float)" : ""));
    }
}
