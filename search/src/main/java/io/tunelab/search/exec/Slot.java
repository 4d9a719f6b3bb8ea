package io.tunelab.search.exec;

import io.tunelab.search.SearchException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A named execution slot a running trial holds, such as {@code cpu:0} or {@code gpu:3}. The trainers
 * map {@code gpu:N} to a device; any other kind runs on the CPU.
 *
 * @param kind  lower-case letters, e.g. {@code cpu} or {@code gpu}
 * @param index zero or more
 */
public record Slot(String kind, int index) {
    private static final Pattern FORM = Pattern.compile("([a-z][a-z0-9_-]*):(\\d+)");

    public Slot {
        if (kind == null || !kind.matches("[a-z][a-z0-9_-]*")) {
            throw new SearchException("slot kind must be lower-case letters such as 'cpu' or 'gpu', got '" + kind + "'");
        }
        if (index < 0) {
            throw new SearchException("slot index must be 0 or more, got " + index);
        }
    }

    public static Slot cpu(int index) {
        return new Slot("cpu", index);
    }

    public static Slot gpu(int index) {
        return new Slot("gpu", index);
    }

    /** Parses {@code kind:index}, e.g. {@code gpu:1}. */
    public static Slot parse(String text) {
        Matcher m = text == null ? null : FORM.matcher(text.trim());
        if (m == null || !m.matches()) {
            throw new SearchException("slot must look like 'cpu:0' or 'gpu:1', got '" + text + "'");
        }
        return new Slot(m.group(1), Integer.parseInt(m.group(2)));
    }

    public boolean isGpu() {
        return "gpu".equals(kind);
    }

    /** The {@code kind:index} form. */
    public String id() {
        return kind + ":" + index;
    }

    @Override
    public String toString() {
        return id();
    }
}
