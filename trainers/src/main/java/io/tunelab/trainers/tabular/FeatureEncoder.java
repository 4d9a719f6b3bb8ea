package io.tunelab.trainers.tabular;

import io.tunelab.trainers.TrainersException;
import io.tunelab.trainers.predict.InputSchema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns raw {@link Table} rows into real feature vectors: numeric columns are standardised
 * ({@code (x - mean) / std}, population std; a constant column gets scale 1; optional) with missing
 * values imputed by the median, categorical columns are one-hot encoded over their levels with a
 * missing value imputed by the most frequent level (an unseen level encodes as all zeros). Every
 * statistic, fill value and level comes from the table it was {@link #fit fitted} on, the training
 * split only, so nothing leaks from validation or test rows.
 *
 * <p>Immutable and thread-safe. Saved beside a model with {@link EncoderJson} so that a served
 * model receives inputs encoded exactly as in training.
 */
public final class FeatureEncoder {
    /**
     * How one raw column is encoded.
     *
     * @param levels     the one-hot levels of a categorical column, empty for a numeric one
     * @param fillNumber what a missing value of a numeric column becomes (the training median), before
     *                   standardising; unused for categorical columns
     * @param fillLevel  what a missing value of a categorical column becomes (its most frequent training
     *                   level, ties to the first in sorted order), one of {@code levels}; null for a numeric
     *                   column or one without levels (a missing value then encodes as all zeros)
     */
    public record ColumnCoding(String name, ColumnKind kind, double mean, double scale, List<String> levels,
                               double fillNumber, String fillLevel) {
        public ColumnCoding {
            levels = List.copyOf(levels);
            if (fillLevel != null && !levels.contains(fillLevel)) {
                throw new TrainersException("column '" + name + "': fill level '" + fillLevel + "' is not one of its levels "
                        + levels);
            }
        }
    }

    private final List<ColumnCoding> columns;
    private final String targetName;
    private final List<String> classes;
    private final boolean standardize;
    private final List<String> featureNames;

    /** An encoder from explicit codings (as read back from JSON). */
    public FeatureEncoder(List<ColumnCoding> columns, String targetName, List<String> classes, boolean standardize) {
        this.columns = List.copyOf(columns);
        this.targetName = targetName;
        this.classes = List.copyOf(classes);
        this.standardize = standardize;
        List<String> names = new ArrayList<>();
        for (ColumnCoding c : columns) {
            if (c.kind() == ColumnKind.NUMERIC) {
                names.add(c.name());
            } else {
                c.levels().forEach(level -> names.add(c.name() + "=" + level));
            }
        }
        this.featureNames = List.copyOf(names);
    }

    /** Learns means, scales and levels from {@code train}; {@code standardize=false} keeps numbers as they are. */
    public static FeatureEncoder fit(Table train, boolean standardize) {
        List<ColumnCoding> codings = new ArrayList<>();
        for (int c = 0; c < train.columnNames().size(); c++) {
            String name = train.columnNames().get(c);
            if (train.kind(c) == ColumnKind.NUMERIC) {
                codings.add(numericCoding(train, c, name));
            } else {
                codings.add(categoricalCoding(train, c, name));
            }
        }
        return new FeatureEncoder(codings, train.targetName(), train.classes(), standardize);
    }

    private static ColumnCoding numericCoding(Table train, int c, String name) {
        double sum = 0;
        int n = 0;
        for (int r = 0; r < train.rowCount(); r++) {
            double v = train.number(c, r);
            if (!Double.isNaN(v)) {
                sum += v;
                n++;
            }
        }
        double mean = n == 0 ? 0 : sum / n;
        double squares = 0;
        for (int r = 0; r < train.rowCount(); r++) {
            double v = train.number(c, r);
            if (!Double.isNaN(v)) {
                squares += (v - mean) * (v - mean);
            }
        }
        double std = n == 0 ? 0 : Math.sqrt(squares / n);
        double scale = std > 0 ? std : 1;
        return new ColumnCoding(name, ColumnKind.NUMERIC, mean, scale, List.of(), median(train, c, n, mean), null);
    }

    /** The median of the column's {@code n} present values (the mean of the middle two for even n); {@code mean} for none. */
    private static double median(Table train, int c, int n, double mean) {
        if (n == 0) {
            return mean;
        }
        double[] present = new double[n];
        int at = 0;
        for (int r = 0; r < train.rowCount(); r++) {
            double v = train.number(c, r);
            if (!Double.isNaN(v)) {
                present[at++] = v;
            }
        }
        Arrays.sort(present);
        return n % 2 == 1 ? present[n / 2] : (present[n / 2 - 1] + present[n / 2]) / 2;
    }

    private static ColumnCoding categoricalCoding(Table train, int c, String name) {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        for (int r = 0; r < train.rowCount(); r++) {
            String v = train.category(c, r);
            if (v != null) {
                counts.merge(v, 1, Integer::sum);
            }
        }
        String mostFrequent = null;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (mostFrequent == null || e.getValue() > counts.get(mostFrequent)) {
                mostFrequent = e.getKey();
            }
        }
        return new ColumnCoding(name, ColumnKind.CATEGORICAL, 0, 1, new ArrayList<>(counts.keySet()), Double.NaN,
                mostFrequent);
    }

    public List<ColumnCoding> columns() {
        return columns;
    }

    /** Names of the encoded features: numeric columns by name, one-hot ones as {@code column=level}. */
    public List<String> featureNames() {
        return featureNames;
    }

    /**
     * The serving input: the raw columns, each categorical one with its levels, laid out as {@link #featureNames()}
     * (a categorical column without levels encodes to nothing and is left out).
     */
    public InputSchema inputSchema() {
        return InputSchema.columns(columns.stream()
                .filter(c -> c.kind() == ColumnKind.NUMERIC || !c.levels().isEmpty())
                .map(c -> new InputSchema.Column(c.name(), c.kind() == ColumnKind.NUMERIC ? List.of() : c.levels())).toList());
    }

    public String targetName() {
        return targetName;
    }

    /** The class names of the training table, empty for regression. */
    public List<String> classes() {
        return classes;
    }

    public boolean standardize() {
        return standardize;
    }

    /** Encodes every row of {@code table}; throws if its columns are not the ones fitted. */
    public TabularDataset encode(Table table) {
        int[] positions = new int[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            ColumnCoding coding = columns.get(i);
            positions[i] = table.columnIndex(coding.name());
            if (table.kind(positions[i]) != coding.kind()) {
                throw new TrainersException("column '" + coding.name() + "' of table '" + table.name() + "' is "
                        + table.kind(positions[i]) + ", but the encoder was fitted on a " + coding.kind() + " column");
            }
        }
        double[][] x = new double[table.rowCount()][];
        for (int r = 0; r < x.length; r++) {
            double[] row = new double[featureNames.size()];
            int at = 0;
            for (int i = 0; i < columns.size(); i++) {
                ColumnCoding coding = columns.get(i);
                at = coding.kind() == ColumnKind.NUMERIC
                        ? writeNumber(coding, table.number(positions[i], r), row, at)
                        : writeLevel(coding, table.category(positions[i], r), row, at);
            }
            x[r] = row;
        }
        return new TabularDataset(table.name(), featureNames, x, table.targets(), table.classes());
    }

    /**
     * Encodes one raw row given as column name to value (a number or numeric string for numeric
     * columns, any value for categorical ones); absent columns count as missing.
     */
    public double[] encodeRow(Map<String, ?> raw) {
        double[] row = new double[featureNames.size()];
        int at = 0;
        for (ColumnCoding coding : columns) {
            Object value = raw.get(coding.name());
            at = coding.kind() == ColumnKind.NUMERIC
                    ? writeNumber(coding, toNumber(coding.name(), value), row, at)
                    : writeLevel(coding, value == null ? null : value.toString(), row, at);
        }
        return row;
    }

    /**
     * Encodes a row already laid out as {@link #featureNames()}: raw numbers at numeric columns
     * (standardised here; {@code NaN} means missing and is imputed as in training) and 0/1 indicators at
     * the {@code column=level} positions of categorical columns (copied as they are; a {@code NaN} at any
     * of a column's positions means the value is missing, imputed by its fill level). This is the form a
     * served model takes.
     *
     * @throws TrainersException if the row's length is not the number of features
     */
    public double[] encodeLaidOut(float[] row) {
        if (row.length != featureNames.size()) {
            throw new TrainersException("a row needs " + featureNames.size() + " values " + featureNames + ", got "
                    + row.length);
        }
        double[] out = new double[row.length];
        int at = 0;
        for (ColumnCoding coding : columns) {
            if (coding.kind() == ColumnKind.NUMERIC) {
                at = writeNumber(coding, row[at], out, at);
            } else {
                boolean missing = false;
                for (int l = 0; l < coding.levels().size(); l++) {
                    missing |= Float.isNaN(row[at + l]);
                }
                if (missing) {
                    at = writeLevel(coding, null, out, at);
                } else {
                    for (int l = 0; l < coding.levels().size(); l++, at++) {
                        out[at] = row[at];
                    }
                }
            }
        }
        return out;
    }

    private static double toNumber(String column, Object value) {
        if (value == null) {
            return Double.NaN;
        }
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        try {
            return Double.parseDouble(value.toString());
        } catch (NumberFormatException e) {
            throw new TrainersException("column '" + column + "' is numeric, got '" + value + "'");
        }
    }

    private int writeNumber(ColumnCoding coding, double raw, double[] row, int at) {
        double v = Double.isNaN(raw) ? coding.fillNumber() : raw;
        row[at] = standardize ? (v - coding.mean()) / coding.scale() : v;
        return at + 1;
    }

    private static int writeLevel(ColumnCoding coding, String raw, double[] row, int at) {
        String value = raw == null ? coding.fillLevel() : raw;
        int level = value == null ? -1 : coding.levels().indexOf(value);
        if (level >= 0) {
            row[at + level] = 1;
        }
        return at + coding.levels().size();
    }

    /** A JSON-compatible description (maps, lists, strings, numbers) that {@link EncoderJson} reads back. */
    public Map<String, Object> toMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("format", EncoderJson.FORMAT);
        out.put("standardize", standardize);
        out.put("target", targetName);
        out.put("classes", classes);
        List<Map<String, Object>> cols = new ArrayList<>();
        for (ColumnCoding c : columns) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", c.name());
            m.put("kind", c.kind().name().toLowerCase(java.util.Locale.ROOT));
            if (c.kind() == ColumnKind.NUMERIC) {
                m.put("mean", c.mean());
                m.put("scale", c.scale());
                m.put("fill", c.fillNumber());
            } else {
                m.put("levels", c.levels());
                m.put("fill", c.fillLevel());
            }
            cols.add(m);
        }
        out.put("columns", cols);
        return out;
    }
}
