package io.tunelab.search.trial;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which way a metric is better, read from its name as its users read it: a name that holds accuracy, acc, auc, f1,
 * precision, recall, r2 or score is maximised, one that holds loss, error, rmse, mae or mse minimised. Names are
 * read word by word ({@code val_accuracy}, {@code epochAccuracy}, {@code mean_squared_error}; {@code logloss}
 * ends with loss). A name with words of both kinds, with {@code neg} (scikit-learn's negated losses) or with
 * neither says nothing.
 *
 * @param direction the direction the name says
 * @param word      the word of the name that says it, for a message
 */
public record MetricDirection(Direction direction, String word) {
    private static final List<String> LARGER_IS_BETTER = List.of("accuracy", "acc", "auc", "f1", "precision", "recall", "r2",
            "score");
    private static final List<String> SMALLER_IS_BETTER = List.of("loss", "error", "rmse", "mae", "mse");
    /** Words this long or longer also count at the end of a word ({@code logloss}, {@code merror}). */
    private static final int SUFFIX_LENGTH = 4;

    /** What {@code metric}'s name says, if it says one thing. */
    public static Optional<MetricDirection> of(String metric) {
        String[] words = metric.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT).split("[^a-z0-9]+");
        String larger = null;
        String smaller = null;
        for (String w : words) {
            if (w.equals("neg")) {
                return Optional.empty();
            }
            larger = larger != null ? larger : match(w, LARGER_IS_BETTER);
            smaller = smaller != null ? smaller : match(w, SMALLER_IS_BETTER);
        }
        if ((larger == null) == (smaller == null)) {
            return Optional.empty();
        }
        return Optional.of(larger != null ? new MetricDirection(Direction.MAXIMIZE, larger)
                : new MetricDirection(Direction.MINIMIZE, smaller));
    }

    private static String match(String word, List<String> known) {
        for (String k : known) {
            if (word.equals(k) || k.length() >= SUFFIX_LENGTH && word.endsWith(k)) {
                return k;
            }
        }
        return null;
    }
}
