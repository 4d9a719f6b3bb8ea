package io.tunelab.search.summary;

import java.util.Locale;

/**
 * How large a summary may be, so that one careless call cannot fill the tracker: every storage accepts
 * at least this much, and {@link LoggedSummary} rejects more with an {@link InvalidSummaryException} naming
 * the tag, the step, the size and the limit.
 */
public final class SummaryLimits {
    /** Longest tag, in characters (as for metric names). */
    public static final int MAX_TAG = 200;
    /** Largest image, in bytes of PNG. */
    public static final int MAX_IMAGE_BYTES = 4 << 20;
    /** Longest text, in characters. */
    public static final int MAX_TEXT_CHARS = 100_000;
    /** Most buckets of a histogram (TensorBoard's default limits make at most 1,549). */
    public static final int MAX_BUCKETS = 2_000;
    /** Most thresholds of a PR curve. */
    public static final int MAX_THRESHOLDS = 1_001;

    private SummaryLimits() {
    }

    /** Throws if {@code value}, logged as {@code tag} at {@code step}, breaks a limit. */
    static void check(String tag, long step, SummaryValue value) {
        if (tag.isBlank() || tag.length() > MAX_TAG) {
            throw new InvalidSummaryException("summary tag must be 1 to " + MAX_TAG + " characters and not blank, got '"
                    + (tag.length() > MAX_TAG ? tag.substring(0, 40) + "...' (" + tag.length() + " characters)" : tag + "'"));
        }
        if (tag.indexOf('\u0000') >= 0) {
            throw new InvalidSummaryException("summary tag must not contain the NUL character (U+0000), got '"
                    + tag.replace('\u0000', '\ufffd') + "'");
        }
        String what = value.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ') + " '" + tag + "' at step " + step;
        if (value instanceof Histogram h) {
            over(what, h.size(), MAX_BUCKETS, "buckets");
        } else if (value instanceof TextSummary t) {
            over(what, t.markdown().length(), MAX_TEXT_CHARS, "characters");
        } else if (value instanceof ImageSummary i) {
            over(what, i.size(), MAX_IMAGE_BYTES, "bytes");
        } else if (value instanceof PrCurve c) {
            over(what, c.size(), MAX_THRESHOLDS, "thresholds");
        }
    }

    private static void over(String what, long size, long max, String unit) {
        if (size > max) {
            throw new InvalidSummaryException(what + ": " + size + " " + unit + "; at most " + max + " " + unit + " are allowed");
        }
    }
}
