package io.tunelab.search.text;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean" suggestions for a misspelt name, worded alike in every module. Stateless. */
public final class Suggestions {
    private Suggestions() {
    }

    /** " (did you mean 'x'?)" when a candidate is close to {@code wrong}, else the empty string. */
    public static String didYouMean(String wrong, Collection<String> candidates) {
        return closest(wrong, candidates).map(c -> " (did you mean '" + c + "'?)").orElse("");
    }

    /**
     * The candidate nearest to {@code wrong} by edit distance, if it is close enough to be a typo; else the shortest
     * candidate that {@code wrong}, of 3 characters or more, abbreviates by its start ({@code val_acc} for
     * {@code val_accuracy}, as Keras once named it), if only one is that short.
     */
    public static Optional<String> closest(String wrong, Collection<String> candidates) {
        Optional<String> typo = nearest(wrong, candidates);
        return typo.isPresent() || wrong.length() < 3 ? typo : abbreviated(wrong.toLowerCase(Locale.ROOT), candidates);
    }

    private static Optional<String> abbreviated(String start, Collection<String> candidates) {
        String best = null;
        boolean tie = false;
        for (String candidate : candidates) {
            if (!candidate.toLowerCase(Locale.ROOT).startsWith(start)) {
                continue;
            }
            if (best == null || candidate.length() < best.length()) {
                best = candidate;
                tie = false;
            } else if (candidate.length() == best.length()) {
                tie = true;
            }
        }
        return best == null || tie ? Optional.empty() : Optional.of(best);
    }

    private static Optional<String> nearest(String wrong, Collection<String> candidates) {
        if (wrong.length() > 64) {
            return Optional.empty();
        }
        String w = wrong.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int d = distance(w, candidate.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        int allowed = Math.max(1, Math.min(3, w.length() / 3));
        return best != null && bestDistance <= allowed ? Optional.of(best) : Optional.empty();
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
