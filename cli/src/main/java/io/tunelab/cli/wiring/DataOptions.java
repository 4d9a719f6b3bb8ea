package io.tunelab.cli.wiring;

import io.tunelab.cli.error.CliException;
import java.util.List;
import java.util.Map;

/** Typed reads of the free-form {@code data:} and {@code trainer:} options, with errors naming the field. */
final class DataOptions {
    private final String section;
    private final Map<String, Object> options;

    DataOptions(String section, Map<String, Object> options) {
        this.section = section;
        this.options = options;
    }

    int integer(String name, int fallback) {
        Object v = options.get(name);
        if (v == null) {
            return fallback;
        }
        if (!(v instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
            throw bad(name, v, "a whole number");
        }
        return n.intValue();
    }

    /** A whole number from {@code min} to {@code max}, or {@code fallback} when absent. */
    int integer(String name, int fallback, int min, int max) {
        int v = integer(name, fallback);
        if (v < min || v > max) {
            throw new CliException(section + "." + name + ": expected a whole number "
                    + (max == Integer.MAX_VALUE ? ">= " + min : "from " + min + " to " + max) + ", got " + v);
        }
        return v;
    }

    double number(String name, double fallback) {
        Object v = options.get(name);
        if (v == null) {
            return fallback;
        }
        if (!(v instanceof Number n)) {
            throw bad(name, v, "a number");
        }
        return n.doubleValue();
    }

    String text(String name, String fallback) {
        Object v = options.get(name);
        if (v == null) {
            return fallback;
        }
        if (!(v instanceof String s)) {
            throw bad(name, v, "a string");
        }
        return s;
    }

    String required(String name) {
        String v = text(name, null);
        if (v == null) {
            throw new CliException(section + "." + name + ": is required here");
        }
        return v;
    }

    List<String> texts(String name) {
        Object v = options.get(name);
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List<?> list) || !list.stream().allMatch(x -> x instanceof String)) {
            throw bad(name, v, "a list of strings");
        }
        return list.stream().map(String.class::cast).toList();
    }

    boolean has(String name) {
        return options.containsKey(name);
    }

    private CliException bad(String name, Object v, String expected) {
        return new CliException(section + "." + name + ": expected " + expected + ", got " + v);
    }
}
