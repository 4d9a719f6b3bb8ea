package io.tunelab.cli.wiring;

import io.tunelab.trainers.tabular.CsvTables;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a classification's target column holds, gathered a row at a time while {@link CsvFileChecks.Head} reads the file
 * for its other checks, to tell a target that looks like a regression's, as scikit-learn refuses a continuous target
 * ("Unknown label type: 'continuous'"): the trainers would fit one class per distinct value. A target looks continuous
 * when every cell that is not missing is a number and some number is not whole (4.5), or the distinct numbers are more
 * than {@code max(}{@link CsvFileChecks#MOST_CLASSES}{@code , 10% of the rows)} (a class then has 10 rows or fewer on
 * average); a target holding a word passes (its cells are labels). Not thread-safe: one per reading.
 */
final class ContinuousTarget {
    private final Path file;
    private final String target;
    private final int column;
    private final boolean taskGiven;
    private final Set<Double> distinct = new LinkedHashSet<>();
    private final List<String> fractional = new ArrayList<>();
    private int rows;
    private boolean words;

    /**
     * @param column    the target's index in the header
     * @param taskGiven whether the study file gives {@code data.task: classification} (else it is the default)
     */
    ContinuousTarget(Path file, String target, int column, boolean taskGiven) {
        this.file = file;
        this.target = target;
        this.column = column;
        this.taskGiven = taskGiven;
    }

    /** Takes in one row's cells, of a row with as many cells as the header and no quotes. */
    void accept(List<String> cells) {
        String cell = cells.get(column);
        if (words || CsvTables.MISSING.contains(cell)) {
            return;
        }
        if (!CsvFileChecks.isNumber(cell)) {
            words = true;
            return;
        }
        double value = Double.parseDouble(cell);
        rows++;
        if (distinct.size() < CsvFileChecks.MOST_DISTINCT) {
            distinct.add(value);
        }
        if (value != Math.rint(value) && fractional.size() < 3) {
            fractional.add(cell);
        }
    }

    /** The problem at {@code data.target} when the rows taken in look like a regression target, else empty. */
    Optional<String> problem() {
        int classes = Math.max(CsvFileChecks.MOST_CLASSES, rows / 10);
        String seen;
        if (words) {
            return Optional.empty();
        } else if (!fractional.isEmpty()) {
            seen = "numbers that are not whole, such as " + String.join(", ", fractional) + ", which no class label is";
        } else if (distinct.size() > classes) {
            seen = String.format(Locale.ROOT, "%,d%s distinct numbers in %,d rows, such as %s, more than the %,d classes"
                    + " a classification of that many rows may have (the larger of %d and 10%% of the rows)", distinct.size(),
                    distinct.size() >= CsvFileChecks.MOST_DISTINCT ? " or more" : "", rows, String.join(", ",
                    distinct.stream().limit(3).map(String::valueOf).toList()), classes, CsvFileChecks.MOST_CLASSES);
        } else {
            return Optional.empty();
        }
        return Optional.of("data.target: CSV " + file + " column '" + target + "' holds " + seen + "; it looks like"
                + " a regression target, but " + (taskGiven ? "data.task: classification fits one class per value"
                : "data.task is classification unless given") + "; set data.task: regression (and a regression metric"
                + " such as rmse)");
    }
}
