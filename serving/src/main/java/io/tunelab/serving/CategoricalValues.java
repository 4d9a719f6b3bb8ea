package io.tunelab.serving;

import com.fasterxml.jackson.databind.JsonNode;
import io.tunelab.trainers.predict.InputSchema;
import java.util.ArrayList;
import java.util.List;

/**
 * Lays out a categorical column of a named instance as the model's 0/1 indicators. The client sends either the
 * column by its name, as in the training file ({@code "colour": "red"}; {@code null} and the training CSV's missing
 * tokens such as {@code ""} are missing; a float of integral value such as {@code 6000.0} names the level {@code "6000"}), or all of its
 * indicators ({@code "colour=red": 1, "colour=blue": 0}, at most one of them 1, all zero for a level training
 * never saw; {@code null} in any is missing), never both. A missing value is {@code NaN} at every position, which
 * the model imputes by the column's most frequent training level.
 */
final class CategoricalValues {
    private CategoricalValues() {
    }

    /**
     * Writes {@code column}'s indicators for {@code instance} into {@code row} from {@code at}.
     *
     * @return the position after the column's indicators
     * @throws BadInputException naming the instance, the column, the value and the levels expected
     */
    static int write(InputSchema.Column column, JsonNode instance, String path, float[] row, int at) {
        List<String> indicators = column.featureNames();
        JsonNode raw = instance.get(column.name());
        List<String> given = new ArrayList<>();
        indicators.stream().filter(instance::has).forEach(given::add);
        if (raw != null && !given.isEmpty()) {
            throw new BadInputException(path + " gives '" + column.name() + "' and its indicators " + given
                    + "; send one of the two");
        }
        if (raw != null) {
            return level(column, raw, InstanceParser.field(path, column.name()), row, at);
        }
        if (given.isEmpty()) {
            throw new BadInputException(path + " is missing feature '" + column.name() + "': send one of its levels "
                    + column.levels() + ", or null for a missing value");
        }
        if (given.size() < indicators.size()) {
            List<String> absent = new ArrayList<>(indicators);
            absent.removeAll(given);
            throw new BadInputException(path + " gives only some indicators of '" + column.name() + "': missing "
                    + absent + "; send \"" + column.name() + "\": one of " + column.levels() + " instead");
        }
        return indicators(column, instance, path, row, at);
    }

    private static int level(InputSchema.Column column, JsonNode raw, String path, float[] row, int at) {
        int width = column.levels().size();
        if (raw.isNull() || InstanceParser.isMissingText(raw)) {
            java.util.Arrays.fill(row, at, at + width, Float.NaN);
            return at + width;
        }
        String text = raw.isTextual() ? raw.textValue() : raw.isNumber() || raw.isBoolean() ? raw.asText() : null;
        int level = text == null ? -1 : column.levels().indexOf(text);
        if (level < 0 && text != null) {
            level = integralLevel(column, text);
        }
        if (level < 0) {
            String shown = raw.toString();
            throw new BadInputException(path + " must be one of " + column.levels() + " (the levels seen in training) or"
                    + " null, got " + (shown.length() > 40 ? shown.substring(0, 40) + "..." : shown));
        }
        row[at + level] = 1;
        return at + width;
    }

    /**
     * The level {@code "6000"} for {@code 6000.0} (a number or a CSV cell), or -1: pandas writes the integers of a column
     * holding a missing value as floats.
     */
    private static int integralLevel(InputSchema.Column column, String text) {
        double d;
        try {
            d = Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
        boolean integral = Double.isFinite(d) && d == Math.rint(d) && Math.abs(d) < 1e15;
        return integral ? column.levels().indexOf(Long.toString((long) d)) : -1;
    }

    private static int indicators(InputSchema.Column column, JsonNode instance, String path, float[] row, int at) {
        int width = column.levels().size();
        int ones = 0;
        boolean missing = false;
        for (int l = 0; l < width; l++) {
            String name = column.featureNames().get(l);
            JsonNode v = instance.get(name);
            if (v.isNull()) {
                missing = true;
                continue;
            }
            float x = InstanceParser.number(v, InstanceParser.field(path, name));
            if (x != 0 && x != 1) {
                throw new BadInputException(InstanceParser.field(path, name) + " is an indicator: expected 0 or 1, got " + v);
            }
            row[at + l] = x;
            ones += (int) x;
        }
        if (missing) {
            java.util.Arrays.fill(row, at, at + width, Float.NaN);
        } else if (ones > 1) {
            throw new BadInputException(path + " sets " + ones + " indicators of '" + column.name() + "' to 1; a value has"
                    + " one level: set at most one");
        }
        return at + width;
    }
}
