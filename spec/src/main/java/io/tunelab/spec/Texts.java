package io.tunelab.spec;

import io.tunelab.search.text.Suggestions;
import java.util.Collection;
import java.util.Optional;

/**
 * Small text helpers for messages: safe quoting of user values and "did you mean" suggestions; the
 * suggestion is public so that checks beyond the parser (a trainer's parameter names) word it alike.
 */
public final class Texts {
    private static final int MAX_SHOWN = 40;

    private Texts() {
    }

    /** The value in single quotes, control characters replaced and cut to a readable length. */
    static String quote(String value) {
        String clean = value.replaceAll("\\p{Cntrl}", "?");
        if (clean.length() > MAX_SHOWN) {
            return "'" + clean.substring(0, MAX_SHOWN) + "...' (" + value.length() + " characters)";
        }
        return "'" + clean + "'";
    }

    /** The value without quotes, control characters replaced and cut to a readable length (for numbers). */
    static String shorten(String value) {
        String clean = value.replaceAll("\\p{Cntrl}", "?");
        if (clean.length() > MAX_SHOWN) {
            return clean.substring(0, MAX_SHOWN) + "... (" + value.length() + " characters)";
        }
        return clean;
    }

    /** " (did you mean 'x'?)" when a candidate is close to {@code wrong}, else the empty string. */
    public static String didYouMean(String wrong, Collection<String> candidates) {
        return Suggestions.didYouMean(wrong, candidates);
    }

    /** The candidate nearest to {@code wrong} by edit distance, if it is close enough to be a typo. */
    static Optional<String> closest(String wrong, Collection<String> candidates) {
        return Suggestions.closest(wrong, candidates);
    }

    /** "a, b or c". */
    static String oneOf(Collection<String> names) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        for (String name : names) {
            if (i > 0) {
                sb.append(i == names.size() - 1 ? " or " : ", ");
            }
            sb.append(name);
            i++;
        }
        return sb.toString();
    }
}
