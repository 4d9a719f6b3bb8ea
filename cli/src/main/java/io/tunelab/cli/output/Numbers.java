package io.tunelab.cli.output;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * Numbers as people read them: integers without decimals, others to six significant digits, exactly as
 * {@code String.format("%.6g")} with its trailing zeros removed.
 */
public final class Numbers {
    private static final MathContext SIX_DIGITS = new MathContext(6, RoundingMode.HALF_UP);
    private static final BigDecimal SMALLEST_PLAIN = new BigDecimal("0.0001");
    private static final BigDecimal FIRST_SCIENTIFIC = new BigDecimal("1000000");

    private Numbers() {
    }

    /**
     * {@code d} to six significant digits. Values whose rounded magnitude is in [1e-4, 1e6) are written plainly
     * without trailing zeros ({@code 0.00104715}, {@code 12.5}); others in {@code %g}'s scientific form
     * ({@code 3.00000e-05}). The plain case avoids {@link java.util.Formatter} and regular expressions, whose
     * first use costs a short-lived command tens of milliseconds.
     */
    public static String compact(double d) {
        if (!Double.isFinite(d)) {
            return String.valueOf(d);
        }
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return String.valueOf((long) d);
        }
        // %g rounds the shortest decimal form of d half up, as BigDecimal does here
        BigDecimal rounded = new BigDecimal(Double.toString(d)).round(SIX_DIGITS);
        BigDecimal magnitude = rounded.abs();
        if (magnitude.compareTo(SMALLEST_PLAIN) < 0 || magnitude.compareTo(FIRST_SCIENTIFIC) >= 0) {
            return String.format(Locale.ROOT, "%.6g", d);
        }
        return rounded.stripTrailingZeros().toPlainString();
    }

    /** {@code count} and the noun, plural unless the count is one: {@code 1 epoch}, {@code 2 epochs}, {@code 0 trials}. */
    public static String count(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
