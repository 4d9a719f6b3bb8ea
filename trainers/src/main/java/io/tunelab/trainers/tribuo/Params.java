package io.tunelab.trainers.tribuo;

import io.tunelab.search.trial.Trial;
import io.tunelab.trainers.TrainersException;
import io.tunelab.trainers.params.Hyperparameters;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a trainer's parameters for one trial, on demand (define-by-run, so a parameter read only in
 * some branches is conditional): a value the trial already has (suggested by a study file's space, or
 * enqueued) is used as it is; else a parameter of the searched space is suggested from its
 * distribution; else it takes the catalogue's default, which is remembered for {@link #defaulted()}.
 * Used by the thread running the trial.
 */
public final class Params {
    private final Hyperparameters catalogue;
    private final ParamSpace searched;
    private final Trial trial;
    private final Map<String, Object> defaulted = new LinkedHashMap<>();

    Params(Hyperparameters catalogue, ParamSpace searched, Trial trial) {
        this.catalogue = catalogue;
        this.searched = searched;
        this.trial = trial;
    }

    /** An integer parameter; a whole number of any numeric type is accepted. */
    public int integer(String name) {
        Object v = value(name);
        if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()) && Math.abs(n.doubleValue()) <= Integer.MAX_VALUE) {
            return n.intValue();
        }
        throw kind(name, v, "an integer");
    }

    /** A real parameter; integers are widened. */
    public double real(String name) {
        Object v = value(name);
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        throw kind(name, v, "a number");
    }

    /** A real parameter narrowed to float, as several Tribuo trainers take them. */
    public float real32(String name) {
        return (float) real(name);
    }

    /** A categorical parameter as a string. */
    public String choice(String name) {
        return String.valueOf(value(name));
    }

    /** The parameters read so far that took their defaults, with those defaults, in reading order. */
    public Map<String, Object> defaulted() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(defaulted));
    }

    private Object value(String name) {
        Object given = trial.params().get(name);
        if (given != null) {
            return admitted(name, given);
        }
        if (searched.contains(name)) {
            return admitted(name, trial.suggest(name, searched.get(name)));
        }
        Object value = catalogue.defaultOf(name);
        defaulted.put(name, value);
        return value;
    }

    /** {@code value} as the catalogue admits it: the check a study file's space gets before anything runs. */
    private Object admitted(String name, Object value) {
        return catalogue.find(name).map(h -> h.admit(value)).orElse(value);
    }

    private static TrainersException kind(String name, Object value, String expected) {
        String shown = value instanceof String ? "'" + value + "'" : String.valueOf(value);
        return new TrainersException("parameter '" + name + "' must be " + expected + ", got " + shown);
    }
}
