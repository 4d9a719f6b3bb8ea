package io.tunelab.trainers.params;

import io.tunelab.search.space.CategoricalDistribution;
import io.tunelab.search.space.Distribution;
import io.tunelab.search.space.ExponentialDistribution;
import io.tunelab.search.space.FloatDistribution;
import io.tunelab.search.space.IntDistribution;
import io.tunelab.trainers.TrainersException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One hyperparameter a trainer reads. Immutable.
 *
 * @param name         as trials and study files spell it; a name holding {@code {i}} stands for one
 *                     parameter per layer ({@code n_units_l{i}}: {@code n_units_l0}, {@code n_units_l1}, ...)
 * @param kind         the type of value the trainer reads
 * @param defaultValue the value taken when nothing else sets it ({@code Integer}, {@code Double},
 *                     {@code Boolean} or {@code String}), or null when it is derived from something
 *                     else, which {@code defaultNote} then says
 * @param defaultNote  how the default varies ({@code adamw: 0.01}) or what it is derived from; empty for none
 * @param range        the built-in range searched when a study asks for the trainer's ranges, or null
 * @param meaning      what it does, in one line
 * @param allowed      the values it admits beyond its kind (choices, bounds), or null for every value of its kind
 */
public record Hyperparameter(String name, Kind kind, Object defaultValue, String defaultNote, Distribution range,
                             String meaning, Allowed allowed) {

    /** The type of value a trainer reads; a {@code LIST} (of numbers) is set by a file's options, never searched. */
    public enum Kind {
        INT, REAL, BOOLEAN, CHOICE, LIST
    }

    public Hyperparameter {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(defaultNote, "defaultNote");
        Objects.requireNonNull(meaning, "meaning");
        if (defaultValue == null && defaultNote.isEmpty()) {
            throw new TrainersException("hyperparameter '" + name + "' needs a default or a note saying where it comes from");
        }
        if (defaultValue != null && !fits(kind, defaultValue)) {
            throw new TrainersException("hyperparameter '" + name + "' is " + kind + " but its default is " + defaultValue);
        }
        if (defaultValue != null && allowed != null && allowed.admit(defaultValue).isEmpty()) {
            throw new TrainersException("hyperparameter '" + name + "' admits " + allowed.describe() + " but its default is "
                    + defaultValue);
        }
    }

    /** A hyperparameter admitting every value of its kind. */
    public Hyperparameter(String name, Kind kind, Object defaultValue, String defaultNote, Distribution range,
                          String meaning) {
        this(name, kind, defaultValue, defaultNote, range, meaning, null);
    }

    private static boolean fits(Kind kind, Object value) {
        return switch (kind) {
            case INT -> value instanceof Integer;
            case REAL -> value instanceof Double;
            case BOOLEAN -> value instanceof Boolean;
            case CHOICE -> value instanceof String;
            case LIST -> value instanceof List;
        };
    }

    public static Hyperparameter integer(String name, int defaultValue, String meaning) {
        return new Hyperparameter(name, Kind.INT, defaultValue, "", null, meaning);
    }

    public static Hyperparameter real(String name, double defaultValue, String meaning) {
        return new Hyperparameter(name, Kind.REAL, defaultValue, "", null, meaning);
    }

    public static Hyperparameter bool(String name, boolean defaultValue, String meaning) {
        return new Hyperparameter(name, Kind.BOOLEAN, defaultValue, "", null, meaning);
    }

    public static Hyperparameter choice(String name, String defaultValue, String meaning) {
        return new Hyperparameter(name, Kind.CHOICE, defaultValue, "", null, meaning);
    }

    /** A parameter whose default is derived from something else, which {@code note} says. */
    public static Hyperparameter derived(String name, Kind kind, String note, String meaning) {
        return new Hyperparameter(name, kind, null, note, null, meaning);
    }

    /** The same with a note on how the default varies, e.g. {@code adamw: 0.01}. */
    public Hyperparameter note(String note) {
        return new Hyperparameter(name, kind, defaultValue, note, range, meaning, allowed);
    }

    /** The same with a built-in range. */
    public Hyperparameter range(Distribution builtIn) {
        return new Hyperparameter(name, kind, defaultValue, defaultNote, Objects.requireNonNull(builtIn, "range"), meaning,
                allowed);
    }

    /** The same admitting only {@code values} (checked when a trial reads it and when a study file is checked). */
    public Hyperparameter within(Allowed values) {
        return new Hyperparameter(name, kind, defaultValue, defaultNote, range, meaning, Objects.requireNonNull(values, "values"));
    }

    /** The same admitting only the choices {@code names}. */
    public Hyperparameter oneOf(String... names) {
        return within(Allowed.oneOf(names));
    }

    /**
     * A value a trainer reads for this parameter, as it reads it: a choice in its listed spelling ({@code One-Cycle} is
     * {@code one_cycle}), anything else as it is.
     *
     * @throws TrainersException {@code parameter 'NAME' must be one of ..., got 'VALUE'} when it is not admitted
     */
    public Object admit(Object value) {
        if (allowed == null) {
            return value;
        }
        return allowed.admit(value).orElseThrow(() -> new TrainersException("parameter '" + name + "' must be "
                + allowed.describe() + ", got " + (value instanceof String ? "'" + value + "'" : show(value))));
    }

    /**
     * The first value of {@code distribution} this parameter does not admit, or empty: every value of a choice, and the
     * two ends of a range (an exponential distribution's upper end is unbounded).
     */
    public Optional<Object> firstRefused(Distribution distribution) {
        if (allowed == null) {
            return Optional.empty();
        }
        List<?> values = List.of();
        if (distribution instanceof CategoricalDistribution c) {
            values = c.choices();
        } else if (distribution instanceof IntDistribution i) {
            values = List.of(i.low(), i.high());
        } else if (distribution instanceof FloatDistribution f) {
            values = List.of(f.low(), f.high());
        } else if (distribution instanceof ExponentialDistribution e) {
            values = List.of(e.loc(), Double.MAX_VALUE);
        }
        return values.stream().filter(v -> allowed.admit(v).isEmpty()).findFirst().map(v -> v);
    }

    /**
     * Whether every value of {@code distribution} can be read as this parameter: an int parameter takes
     * ints and choices of whole numbers; a real one any numeric distribution or a choice of numbers; a
     * boolean one a choice of booleans (or of the texts true and false); a choice parameter any choice; a list
     * parameter none (a list is given, not searched).
     */
    public boolean accepts(Distribution distribution) {
        List<?> choices = distribution instanceof CategoricalDistribution c ? c.choices() : null;
        return switch (kind) {
            case INT -> distribution instanceof IntDistribution
                    || choices != null && choices.stream().allMatch(Hyperparameter::isWholeNumber);
            case REAL -> choices == null || choices.stream().allMatch(v -> v instanceof Number);
            case BOOLEAN -> choices != null && choices.stream().allMatch(v -> v instanceof Boolean
                    || v instanceof String t && (t.equalsIgnoreCase("true") || t.equalsIgnoreCase("false")));
            case CHOICE -> choices != null;
            case LIST -> false;
        };
    }

    private static boolean isWholeNumber(Object v) {
        return v instanceof Integer || v instanceof Long || v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e9;
    }

    /** What the kind reads, for messages: {@code an integer}, {@code a number}, {@code true or false}, {@code a choice}. */
    public String describeKind() {
        return switch (kind) {
            case INT -> "an integer";
            case REAL -> "a number";
            case BOOLEAN -> "true or false";
            case CHOICE -> "a choice";
            case LIST -> "a list of numbers";
        };
    }

    /** Whether a built-in range is known. */
    public boolean hasRange() {
        return range != null;
    }

    /** Whether this entry stands for one parameter per layer (its name holds {@code {i}}). */
    public boolean isPerLayer() {
        return name.contains("{i}");
    }

    /** Whether {@code parameter} is this one, or (per-layer) one of its instances such as {@code n_units_l2}. */
    public boolean matches(String parameter) {
        if (!isPerLayer() || name.equals(parameter)) {
            return name.equals(parameter);
        }
        int at = name.indexOf("{i}");
        String prefix = name.substring(0, at);
        String suffix = name.substring(at + 3);
        if (!parameter.startsWith(prefix) || !parameter.endsWith(suffix)
                || parameter.length() <= prefix.length() + suffix.length()) {
            return false;
        }
        return parameter.substring(prefix.length(), parameter.length() - suffix.length()).chars().allMatch(Character::isDigit);
    }

    /** The default as documentation shows it: {@code 0 (adamw: 0.01)}, {@code n_neurons}, {@code relu}. */
    public String describeDefault() {
        if (defaultValue == null) {
            return defaultNote;
        }
        return defaultNote.isEmpty() ? show(defaultValue) : show(defaultValue) + " (" + defaultNote + ")";
    }

    /** A value as documentation shows it: reals without trailing zeros ({@code 0}, {@code 0.01}, {@code 1e-7}). */
    public static String show(Object value) {
        if (!(value instanceof Double d) || !Double.isFinite(d)) {
            return String.valueOf(value);
        }
        BigDecimal b = new BigDecimal(Double.toString(d)).stripTrailingZeros();
        double abs = Math.abs(d);
        return abs == 0 || (abs >= 1e-4 && abs < 1e6) ? b.toPlainString() : b.toString().toLowerCase(Locale.ROOT);
    }
}
