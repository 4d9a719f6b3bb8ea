package io.tunelab.dashboard.query;

import java.util.Locale;

/**
 * One comparison of a field's value with a literal: numerically when both are numbers, otherwise as
 * case-insensitive text; {@code ~} tests whether the text contains the literal. A missing value (null)
 * fails every comparison, and so does NaN except {@code !=}.
 */
record Comparison(String op, String literal, Double number) {

    static Comparison of(String op, String literal, boolean quoted) {
        Double number = null;
        if (!quoted) {
            try {
                number = Double.valueOf(literal);
            } catch (NumberFormatException e) {
                number = null;
            }
        }
        return new Comparison(op, literal, number);
    }

    boolean test(Object actual) {
        if (actual == null) {
            return false;
        }
        if (actual instanceof Double d && number != null && !op.equals("~")) {
            if (Double.isNaN(d)) {
                return op.equals("!=");
            }
            return holds(Double.compare(d, number));
        }
        String text = actual instanceof Double d ? format(d) : actual.toString();
        if (op.equals("~")) {
            return text.toLowerCase(Locale.ROOT).contains(literal.toLowerCase(Locale.ROOT));
        }
        return holds(text.compareToIgnoreCase(literal));
    }

    private boolean holds(int c) {
        return switch (op) {
            case "=" -> c == 0;
            case "!=" -> c != 0;
            case "<" -> c < 0;
            case "<=" -> c <= 0;
            case ">" -> c > 0;
            case ">=" -> c >= 0;
            default -> throw new FilterException("unknown operator '" + op + "'");
        };
    }

    private static String format(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }
}
