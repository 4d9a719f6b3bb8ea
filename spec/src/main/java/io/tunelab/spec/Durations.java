package io.tunelab.spec;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations written as {@code 90s}, {@code 30m}, {@code 1h}, {@code 1h30m} or {@code 2d}. */
public final class Durations {
    static final Duration MAX = Duration.ofDays(365);
    private static final Pattern FORM = Pattern.compile("(?:(\\d{1,6})d)?(?:(\\d{1,6})h)?(?:(\\d{1,7})m)?(?:(\\d{1,9})s)?");

    private Durations() {
    }

    /** The duration, or null when {@code text} is not of that form or not within 1 second to 365 days. */
    public static Duration parse(String text) {
        Matcher m = FORM.matcher(text.trim());
        if (text.isBlank() || !m.matches()) {
            return null;
        }
        long[] perUnit = {86_400, 3_600, 60, 1};
        long seconds = 0;
        for (int i = 0; i < 4; i++) {
            if (m.group(i + 1) != null) {
                seconds += Long.parseLong(m.group(i + 1)) * perUnit[i];
            }
        }
        Duration d = Duration.ofSeconds(seconds);
        return seconds >= 1 && d.compareTo(MAX) <= 0 ? d : null;
    }

    /** The compact form, e.g. {@code 1h30m}. */
    public static String format(Duration d) {
        long s = d.getSeconds();
        StringBuilder sb = new StringBuilder();
        long[] perUnit = {86_400, 3_600, 60, 1};
        String[] unit = {"d", "h", "m", "s"};
        for (int i = 0; i < 4; i++) {
            if (s >= perUnit[i]) {
                sb.append(s / perUnit[i]).append(unit[i]);
                s %= perUnit[i];
            }
        }
        return sb.toString();
    }
}
