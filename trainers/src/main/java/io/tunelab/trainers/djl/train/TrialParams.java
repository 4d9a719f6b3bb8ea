package io.tunelab.trainers.djl.train;

import io.tunelab.search.space.Distribution;
import io.tunelab.search.trial.Trial;
import io.tunelab.trainers.TrainersException;
import io.tunelab.trainers.params.Hyperparameter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a hyperparameter by name: the value the trial already has (suggested by a study file's space before the
 * trainer reads, under that space's conditions, or enqueued), else sampled from the trial when the search space has
 * a distribution for it, else the fixed value configured for the study, else the default: the one of
 * {@link DjlHyperparameters#CATALOGUE}, or the one the caller passes when it varies. Values are converted
 * to the type asked for (a categorical {@code "true"} reads as a boolean, an integral {@code 64.0} as
 * an int), and checked against the values the catalogue admits (a choice comes back in its listed spelling, so
 * {@code One-Cycle} reads as {@code one_cycle}). The values that were not sampled are remembered for {@link #unsampled()} (provenance).
 * Used by one thread, like the trial.
 */
public final class TrialParams {
    private final Trial trial;
    private final Map<String, Distribution> space;
    private final Map<String, Object> fixed;
    private final Map<String, Object> unsampled = new LinkedHashMap<>();

    /**
     * @param space distributions of the parameters this reader suggests itself when the trial does not have them yet;
     *              empty when the caller suggests its own (conditional) space first, so that a parameter its
     *              conditions switch off is absent from the trial and read at its fixed value or default
     * @param fixed values of parameters held fixed in this study (a value the trial has takes precedence)
     */
    public TrialParams(Trial trial, Map<String, Distribution> space, Map<String, Object> fixed) {
        this.trial = trial;
        this.space = Map.copyOf(space);
        this.fixed = Map.copyOf(fixed);
        for (String name : this.space.keySet()) {
            if (this.fixed.containsKey(name)) {
                throw new TrainersException("parameter '" + name + "' is both sampled and fixed; choose one");
            }
        }
    }

    /** Whether {@code name} is the trial's, sampled or fixed (rather than left at its default). */
    public boolean isSet(String name) {
        return trial.params().containsKey(name) || space.containsKey(name) || fixed.containsKey(name);
    }

    private Object raw(String name, Object defaultValue) {
        Object given = trial.params().get(name);
        if (given != null) {
            return admitted(name, given);
        }
        Distribution d = space.get(name);
        if (d != null) {
            return admitted(name, trial.suggest(name, d));
        }
        Object value = admitted(name, fixed.getOrDefault(name, defaultValue));
        unsampled.put(name, value);
        return value;
    }

    /** {@code value} as the catalogue admits it ({@link Hyperparameter#admit}): the same check a study file gets before it runs. */
    private static Object admitted(String name, Object value) {
        return DjlHyperparameters.CATALOGUE.find(name).map(h -> h.admit(value)).orElse(value);
    }

    /** An integer with the catalogue's default. */
    public int getInt(String name) {
        return getInt(name, ((Number) DjlHyperparameters.CATALOGUE.defaultOf(name)).intValue());
    }

    /** A number with the catalogue's default. */
    public double getDouble(String name) {
        return getDouble(name, ((Number) DjlHyperparameters.CATALOGUE.defaultOf(name)).doubleValue());
    }

    /** A text with the catalogue's default. */
    public String getString(String name) {
        return getString(name, (String) DjlHyperparameters.CATALOGUE.defaultOf(name));
    }

    /** A boolean with the catalogue's default. */
    public boolean getBoolean(String name) {
        return getBoolean(name, (Boolean) DjlHyperparameters.CATALOGUE.defaultOf(name));
    }

    public int getInt(String name, int defaultValue) {
        Object v = raw(name, defaultValue);
        if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()) && Math.abs(n.doubleValue()) <= Integer.MAX_VALUE) {
            return n.intValue();
        }
        if (v instanceof String s) {
            try {
                return Integer.parseInt(s.trim());
            } catch (NumberFormatException e) {
                throw bad(name, v, "an integer");
            }
        }
        throw bad(name, v, "an integer");
    }

    public double getDouble(String name, double defaultValue) {
        Object v = raw(name, defaultValue);
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof String s) {
            try {
                return Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                throw bad(name, v, "a number");
            }
        }
        throw bad(name, v, "a number");
    }

    public String getString(String name, String defaultValue) {
        Object v = raw(name, defaultValue);
        if (v == null) {
            throw bad(name, null, "a string");
        }
        return v.toString();
    }

    public boolean getBoolean(String name, boolean defaultValue) {
        Object v = raw(name, defaultValue);
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(s);
        }
        if (v instanceof Number n && (n.doubleValue() == 0 || n.doubleValue() == 1)) {
            return n.doubleValue() == 1;
        }
        throw bad(name, v, "true or false");
    }

    /** A list (of numbers) the trial or study sets; null when nothing sets it (a list's default is derived). */
    public List<?> getList(String name) {
        if (!isSet(name)) {
            return null;
        }
        Object v = raw(name, null);
        if (v instanceof List<?> list) {
            return list;
        }
        throw bad(name, v, "a list of numbers");
    }

    /** The parameters read so far that were fixed or defaulted, with their values. */
    public Map<String, Object> unsampled() {
        return Map.copyOf(unsampled);
    }

    private static TrainersException bad(String name, Object value, String expected) {
        String shown = value instanceof String ? "'" + value + "'" : String.valueOf(value);
        return new TrainersException(String.format(Locale.ROOT, "parameter '%s' must be %s, got %s", name, expected, shown));
    }
}
