package io.tunelab.search.trial;

import io.tunelab.search.SearchException;
import java.util.Locale;

/** Whether an objective is minimised or maximised. */
public enum Direction {
    MINIMIZE, MAXIMIZE;

    /** Whether {@code a} is strictly better than {@code b} in this direction. */
    public boolean better(double a, double b) {
        return this == MINIMIZE ? a < b : a > b;
    }

    /** The value turned so that smaller is always better. */
    public double asLoss(double value) {
        return this == MINIMIZE ? value : -value;
    }

    /** Parses {@code minimize}/{@code maximize} in any case. */
    public static Direction parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "minimize", "min" -> MINIMIZE;
            case "maximize", "max" -> MAXIMIZE;
            default -> throw new SearchException("direction must be 'minimize' or 'maximize', got '" + text + "'");
        };
    }
}
