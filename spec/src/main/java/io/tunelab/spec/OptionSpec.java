package io.tunelab.spec;

/**
 * One typed option of a sampler or pruner, e.g. TPE's {@code startup_trials}: an integer of at least 0.
 *
 * @param name     the key in the study file
 * @param kind     the value's type
 * @param range    admissible numbers (ignored for booleans)
 * @param required whether the option must be given
 */
record OptionSpec(String name, Kind kind, Range range, boolean required) {

    /** The type of an option's value. */
    enum Kind { INT, NUMBER, BOOL }

    static OptionSpec integer(String name, Range range) {
        return new OptionSpec(name, Kind.INT, range, false);
    }

    static OptionSpec number(String name, Range range) {
        return new OptionSpec(name, Kind.NUMBER, range, false);
    }

    static OptionSpec bool(String name) {
        return new OptionSpec(name, Kind.BOOL, Range.any(), false);
    }

    OptionSpec asRequired() {
        return new OptionSpec(name, kind, range, true);
    }

    /** Reads this option from {@code fields}: a typed value, or null when absent or wrong (problem recorded). */
    Object read(Fields fields) {
        return switch (kind) {
            case INT -> {
                Long v = fields.integer(name, range, required);
                if (v != null && v == v.intValue()) {
                    yield Integer.valueOf(v.intValue());
                }
                yield v;
            }
            case NUMBER -> fields.number(name, range, required);
            case BOOL -> fields.bool(name);
        };
    }
}
