package io.tunelab.cli.output;

import java.util.Locale;

/** Numbers as people read them: integers without decimals, others to six significant digits. */
public final class Numbers {
    private Numbers() {
    }

    public static String compact(double d) {
        if (!Double.isFinite(d)) {
            return String.valueOf(d);
        }
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return String.valueOf((long) d);
        }
        String s = String.format(Locale.ROOT, "%.6g", d);
        return s.contains("e") ? s : s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
