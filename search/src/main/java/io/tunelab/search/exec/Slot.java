package io.tunelab.search.exec;

import io.tunelab.search.SearchException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A named execution slot a running trial holds, such as {@code cpu:0} or {@code gpu:3}. The trainers
 * map {@code gpu:N} to a device; any other kind runs on the CPU. When several trials share one device
 * ({@code trials_per_gpu}), each holds its own lane of it: {@code gpu:0}, {@code gpu:0/1}, {@code gpu:0/2}.
 *
 * @param kind  lower-case letters, e.g. {@code cpu} or {@code gpu}
 * @param index the device's number, zero or more
 * @param lane  which of the trials sharing the device, zero (the first, not written) or more
 */
public record Slot(String kind, int index, int lane) {
    private static final Pattern FORM = Pattern.compile("([a-z][a-z0-9_-]*):(\\d+)(?:/(\\d+))?");

    public Slot {
        if (kind == null || !kind.matches("[a-z][a-z0-9_-]*")) {
            throw new SearchException("slot kind must be lower-case letters such as 'cpu' or 'gpu', got '" + kind + "'");
        }
        if (index < 0) {
            throw new SearchException("slot index must be 0 or more, got " + index);
        }
        if (lane < 0) {
            throw new SearchException("slot lane must be 0 or more, got " + lane);
        }
    }

    /** The first (or only) lane of device {@code index}. */
    public Slot(String kind, int index) {
        this(kind, index, 0);
    }

    public static Slot cpu(int index) {
        return new Slot("cpu", index);
    }

    public static Slot gpu(int index) {
        return new Slot("gpu", index);
    }

    /** Parses {@code kind:index} or {@code kind:index/lane}, e.g. {@code gpu:1} or {@code gpu:1/2}. */
    public static Slot parse(String text) {
        Matcher m = text == null ? null : FORM.matcher(text.trim());
        if (m == null || !m.matches()) {
            throw new SearchException("slot must look like 'cpu:0', 'gpu:1' or 'gpu:1/1', got '" + text + "'");
        }
        return new Slot(m.group(1), Integer.parseInt(m.group(2)), m.group(3) == null ? 0 : Integer.parseInt(m.group(3)));
    }

    public boolean isGpu() {
        return "gpu".equals(kind);
    }

    /** Lane {@code lane} of the same device. */
    public Slot withLane(int lane) {
        return new Slot(kind, index, lane);
    }

    /** The {@code kind:index} form, {@code kind:index/lane} for lanes after the first. */
    public String id() {
        return kind + ":" + index + (lane == 0 ? "" : "/" + lane);
    }

    @Override
    public String toString() {
        return id();
    }
}
