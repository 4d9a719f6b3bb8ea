package io.tunelab.trainers.predict;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The fixed range every input number of a model had in training, for inputs whose range is documented rather than
 * fitted (8-bit image pixels divided by 255 lie in [0, 1]). Standardised or raw CSV features have no such range: a new
 * row may legitimately exceed the training rows' minimum or maximum, so their models carry none. Immutable.
 *
 * @param min       the smallest value a model input takes
 * @param max       the largest value a model input takes
 * @param dividedBy what the raw data were divided by to get there (255 for 8-bit pixels), 1 when used as they are
 */
public record InputRange(double min, double max, double dividedBy) {
    /** The range of 8-bit pixels divided by 255. */
    public static final InputRange PIXELS = new InputRange(0, 1, 255);

    public InputRange {
        if (!(min < max) || !(dividedBy > 0) || !Double.isFinite(max) || !Double.isFinite(min) || !Double.isFinite(dividedBy)) {
            throw new IllegalArgumentException("an input range needs finite min < max and a positive divisor, got ["
                    + min + ", " + max + "] divided by " + dividedBy);
        }
    }

    /** Whether {@code v} lies in the range (allowing for a float's rounding). */
    public boolean contains(double v) {
        double slack = (max - min) * 1e-6;
        return v >= min - slack && v <= max + slack;
    }

    /** {@code [0, 1]}. */
    @Override
    public String toString() {
        return "[" + number(min) + ", " + number(max) + "]";
    }

    /**
     * What a client should do about a value outside the range: for a model of scaled values, scale them as in training
     * ("divide the pixel values by 255"), else send values within the range.
     */
    public String hint() {
        return dividedBy == 1 ? "send values within " + this
                : "the model's inputs were divided by " + number(dividedBy) + " in training: divide the raw values by "
                + number(dividedBy) + " (e.g. 0-" + number(max * dividedBy) + " pixels to " + this + ")";
    }

    /** A JSON-compatible description that {@link #fromMap} reads back. */
    public Map<String, Object> toMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("min", min);
        out.put("max", max);
        out.put("divided_by", dividedBy);
        return out;
    }

    /**
     * Reads {@link #toMap()} back.
     *
     * @throws IllegalArgumentException when a field is missing or not a number
     */
    public static InputRange fromMap(Map<?, ?> map) {
        return new InputRange(field(map, "min"), field(map, "max"), field(map, "divided_by"));
    }

    private static double field(Map<?, ?> map, String name) {
        if (map.get(name) instanceof Number n) {
            return n.doubleValue();
        }
        throw new IllegalArgumentException("input range field '" + name + "' must be a number, got " + map.get(name));
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(Locale.ROOT, "%s", v);
    }
}
