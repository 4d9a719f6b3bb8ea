package io.tunelab.tracker.filter;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One comparison of a field's value with a literal: numerically when both are numbers, otherwise as text, ignoring
 * case or not as {@code ignoreCase} says (the dashboard's table ignores it, MLflow's {@code =} and {@code !=} do not);
 * {@code ~} tests whether the text contains the literal, ignoring case; {@code LIKE} matches SQL's pattern ({@code %}
 * any text, {@code _} one character) case-sensitively, {@code ILIKE} ignoring case, as in MLflow. A missing value
 * (null) fails every comparison, and so does NaN except {@code !=}.
 *
 * @param op         the operator: = != &lt; &lt;= &gt; &gt;= ~ LIKE ILIKE
 * @param literal    the literal as written, without quotes
 * @param number     the literal as a number, or null when it was quoted or is not one
 * @param pattern    the compiled pattern of LIKE and ILIKE, else null
 * @param ignoreCase whether text compares ignoring case (=, !=, &lt;, &lt;=, &gt;, &gt;=)
 */
record Comparison(String op, String literal, Double number, Pattern pattern, boolean ignoreCase) {

    static Comparison of(String op, String literal, boolean quoted, boolean ignoreCase) {
        if (op.equals("LIKE") || op.equals("ILIKE")) {
            return new Comparison(op, literal, null, like(literal, op.equals("ILIKE")), ignoreCase);
        }
        Double number = null;
        if (!quoted) {
            try {
                number = Double.valueOf(literal);
            } catch (NumberFormatException e) {
                number = null;
            }
        }
        return new Comparison(op, literal, number, null, ignoreCase);
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
        if (pattern != null) {
            return pattern.matcher(text).matches();
        }
        if (op.equals("~")) {
            return text.toLowerCase(Locale.ROOT).contains(literal.toLowerCase(Locale.ROOT));
        }
        return holds(ignoreCase ? text.compareToIgnoreCase(literal) : text.compareTo(literal));
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

    private static Pattern like(String literal, boolean ignoreCase) {
        StringBuilder regex = new StringBuilder();
        StringBuilder plain = new StringBuilder();
        for (char c : literal.toCharArray()) {
            if (c == '%' || c == '_') {
                regex.append(Pattern.quote(plain.toString())).append(c == '%' ? ".*" : ".");
                plain.setLength(0);
            } else {
                plain.append(c);
            }
        }
        regex.append(Pattern.quote(plain.toString()));
        return Pattern.compile(regex.toString(), Pattern.DOTALL | (ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0));
    }

    private static String format(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }
}
