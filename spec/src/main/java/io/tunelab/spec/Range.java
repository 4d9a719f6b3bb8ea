package io.tunelab.spec;

import java.util.Locale;

/**
 * An interval of admissible numbers with open or closed ends, possibly with one more admissible number outside it
 * (an option whose 0 means "never" and whose other values start above 1), and the words to describe it.
 *
 * @param min     lower end
 * @param openMin whether {@code min} itself is excluded
 * @param max     upper end
 * @param openMax whether {@code max} itself is excluded
 * @param also    one more admissible number, or NaN for none
 */
record Range(double min, boolean openMin, double max, boolean openMax, double also) {

    /** The interval alone. */
    Range(double min, boolean openMin, double max, boolean openMax) {
        this(min, openMin, max, openMax, Double.NaN);
    }

    static Range atLeast(double min) {
        return new Range(min, false, Double.MAX_VALUE, false);
    }

    /** 0, or any number of at least {@code min} (for options whose 0 means "never"). */
    static Range zeroOrAtLeast(double min) {
        return new Range(min, false, Double.MAX_VALUE, false, 0);
    }

    static Range positive() {
        return new Range(0, true, Double.MAX_VALUE, false);
    }

    static Range closed(double min, double max) {
        return new Range(min, false, max, false);
    }

    /** {@code (0, 1)}: a fraction strictly between 0 and 1. */
    static Range openUnit() {
        return new Range(0, true, 1, true);
    }

    static Range any() {
        return new Range(-Double.MAX_VALUE, false, Double.MAX_VALUE, false);
    }

    boolean contains(double v) {
        if (v == also) {
            return true;
        }
        boolean aboveMin = openMin ? v > min : v >= min;
        boolean belowMax = openMax ? v < max : v <= max;
        return aboveMin && belowMax;
    }

    /**
     * E.g. "&gt;= 1", "&gt; 0", "from 1 to 10", "between 0 and 1 (both excluded)", "0 or &gt;= 2"; empty for {@link
     * #any()}.
     */
    String describe() {
        String interval = describeInterval();
        return Double.isNaN(also) ? interval : show(also) + " or " + interval;
    }

    private String describeInterval() {
        boolean noMax = max == Double.MAX_VALUE;
        boolean noMin = min == -Double.MAX_VALUE;
        if (noMin && noMax) {
            return "";
        }
        if (noMax) {
            return (openMin ? "> " : ">= ") + show(min);
        }
        if (openMin || openMax) {
            return "between " + show(min) + " and " + show(max) + " (" + (openMin && openMax ? "both excluded"
                    : (openMin ? show(min) : show(max)) + " excluded") + ")";
        }
        return "from " + show(min) + " to " + show(max);
    }

    static String show(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%s", v);
    }
}
