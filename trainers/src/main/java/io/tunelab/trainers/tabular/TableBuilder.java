package io.tunelab.trainers.tabular;

import io.tunelab.trainers.TrainersException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Assembles a {@link Table} column by column. Every column and the target must have the same
 * length; names must be distinct. Not thread-safe; arrays are copied.
 */
public final class TableBuilder {
    private final String name;
    private final Map<String, Object> columns = new LinkedHashMap<>();
    private String targetName;
    private double[] target;
    private List<String> classes = List.of();

    TableBuilder(String name) {
        this.name = Objects.requireNonNull(name, "name");
    }

    /** Adds a numeric feature; {@code NaN} marks a missing value. */
    public TableBuilder numeric(String column, double[] values) {
        put(column, values.clone());
        return this;
    }

    /** Adds a categorical feature; {@code null} marks a missing value. */
    public TableBuilder categorical(String column, String[] values) {
        put(column, values.clone());
        return this;
    }

    /** Sets a class target from label names; classes are indexed in sorted name order. */
    public TableBuilder classTarget(String column, String[] labels) {
        TreeSet<String> distinct = new TreeSet<>();
        for (String label : labels) {
            if (label == null || label.isEmpty()) {
                throw new TrainersException("class target '" + column + "' of table '" + name
                        + "' has a missing label; every row needs a class");
            }
            distinct.add(label);
        }
        List<String> sorted = new ArrayList<>(distinct);
        double[] indices = new double[labels.length];
        for (int i = 0; i < labels.length; i++) {
            indices[i] = sorted.indexOf(labels[i]);
        }
        return setTarget(column, indices, sorted);
    }

    /** Sets a real-valued target; every value must be finite. */
    public TableBuilder regressionTarget(String column, double[] values) {
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new TrainersException("regression target '" + column + "' of table '" + name + "' is "
                        + values[i] + " at row " + i + "; targets must be finite numbers");
            }
        }
        return setTarget(column, values.clone(), List.of());
    }

    private TableBuilder setTarget(String column, double[] values, List<String> classNames) {
        if (columns.containsKey(column)) {
            throw new TrainersException("target '" + column + "' is already a feature column of table '" + name + "'");
        }
        this.targetName = column;
        this.target = values;
        this.classes = classNames;
        return this;
    }

    private void put(String column, Object values) {
        Objects.requireNonNull(column, "column");
        if (columns.containsKey(column) || column.equals(targetName)) {
            throw new TrainersException("table '" + name + "' already has a column named '" + column + "'");
        }
        columns.put(column, values);
    }

    /** Builds the table; throws if there is no target or the column lengths differ. */
    public Table build() {
        if (target == null) {
            throw new TrainersException("table '" + name + "' needs a target column; call classTarget or regressionTarget");
        }
        List<String> names = new ArrayList<>(columns.keySet());
        List<ColumnKind> kinds = new ArrayList<>();
        double[][] numeric = new double[names.size()][];
        String[][] categorical = new String[names.size()][];
        for (int c = 0; c < names.size(); c++) {
            Object values = columns.get(names.get(c));
            int length = values instanceof double[] d ? d.length : ((String[]) values).length;
            if (length != target.length) {
                throw new TrainersException("column '" + names.get(c) + "' of table '" + name + "' has " + length
                        + " rows, but the target '" + targetName + "' has " + target.length);
            }
            if (values instanceof double[] d) {
                numeric[c] = d;
                kinds.add(ColumnKind.NUMERIC);
            } else {
                categorical[c] = (String[]) values;
                kinds.add(ColumnKind.CATEGORICAL);
            }
        }
        return new Table(name, names, kinds, numeric, categorical, targetName, Arrays.copyOf(target, target.length),
                classes);
    }
}
