package io.tunelab.serving;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tunelab.search.text.Suggestions;
import io.tunelab.trainers.TrainersException;
import io.tunelab.trainers.predict.InputSchema;
import io.tunelab.trainers.tabular.CsvParser;
import io.tunelab.trainers.tabular.CsvTables;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A CSV table of instances (a header row of column names, then one row per instance), as {@code POST /invocations}
 * takes with {@code Content-Type: text/csv} and {@code tunelab predict --input} reads. A numeric column's cell must
 * be a number or one of the training CSV's missing tokens ({@link CsvTables#MISSING}); a categorical column's cell is
 * a level or missing. For a model of plain arrays the header is skipped and each row is the array, but for a series
 * model a table in its training file's layout (a header naming the series' columns, one row per time step) gives its
 * last window, or each window ({@link SeriesWindows}). Messages name the line and the column. Immutable.
 *
 * @param header  the header's column names
 * @param records the rows' cells, as read
 * @param lines   the line (from 1) each row starts on
 */
public record CsvInstances(List<String> header, List<String[]> records, List<Integer> lines) {
    public CsvInstances {
        header = List.copyOf(header);
        records = List.copyOf(records);
        lines = List.copyOf(lines);
    }

    /**
     * Reads the table of {@code in}.
     *
     * @throws BadInputException when it is empty, not CSV, or a row's width differs from the header's, naming the line
     */
    public static CsvInstances read(Reader in) throws IOException {
        List<Integer> starts = new ArrayList<>();
        List<String[]> all;
        try {
            all = CsvParser.parse(in, ',', starts);
        } catch (TrainersException e) {
            throw new BadInputException("the CSV cannot be read: " + e.getMessage());
        }
        if (all.size() < 2) {
            throw new BadInputException("the CSV must have a header row of column names and at least one row, got "
                    + (all.isEmpty() ? "nothing" : "only a header"));
        }
        List<String> header = List.of(all.get(0));
        for (int r = 1; r < all.size(); r++) {
            if (all.get(r).length != header.size()) {
                throw new BadInputException("line " + starts.get(r) + " has " + all.get(r).length + " cells; the header has "
                        + header.size() + " " + header);
            }
        }
        return new CsvInstances(header, all.subList(1, all.size()), starts.subList(1, starts.size()));
    }

    /** The rows laid out for a predictor of {@code schema} as {@link #rows(InputSchema, Set, boolean)} with the last window. */
    public float[][] rows(InputSchema schema, Set<String> ignored) {
        return rows(schema, ignored, false);
    }

    /**
     * The rows laid out for a predictor of {@code schema}, the columns in {@code ignored} (a test file's target) left out.
     * For a series model and a table in its training file's layout ({@link SeriesWindows}), one row per window: the
     * last {@code n_steps} rows, or with {@code allWindows} every window of them.
     *
     * @throws BadInputException naming the line and the column of the first bad cell
     */
    public float[][] rows(InputSchema schema, Set<String> ignored, boolean allWindows) {
        Instances in = instances(schema, ignored, allWindows);
        return new InstanceParser(schema, Integer.MAX_VALUE).parse(in.array(), in.names());
    }

    /** Whether the rows are a series in the training file's layout of a model of {@code schema} ({@link SeriesWindows}). */
    public boolean isSeries(InputSchema schema) {
        return SeriesWindows.applies(header, schema);
    }

    /**
     * The index of the row each of {@link #rows}'s predictions belongs to: every row, or for a series in its training
     * file's layout the last row of each window (the step the forecast follows).
     */
    public List<Integer> predictedRows(InputSchema schema, boolean allWindows) {
        return isSeries(schema) ? SeriesWindows.ends(records.size(), schema, allWindows)
                : java.util.stream.IntStream.range(0, records.size()).boxed().toList();
    }

    /**
     * The rows as instances of {@code schema}, each named by its line, without the columns in {@code ignored}; for a
     * series in its training file's layout, its windows ({@link SeriesWindows}).
     *
     * @throws BadInputException naming every column of a named schema that the header lacks
     */
    Instances instances(InputSchema schema, Set<String> ignored, boolean allWindows) {
        if (SeriesWindows.applies(header, schema)) {
            return SeriesWindows.of(this, schema, allWindows);
        }
        if (schema.isNamed()) {
            List<String> lacking = schema.columns().stream().filter(c -> !header.contains(c.name())
                    && c.featureNames().stream().noneMatch(header::contains)).map(InputSchema.Column::name).toList();
            if (!lacking.isEmpty()) {
                throw new BadInputException("the header lacks the column" + (lacking.size() == 1 ? " " : "s ")
                        + String.join(", ", lacking.stream().map(c -> "'" + c + "'").toList()) + " the model needs (it has "
                        + String.join(", ", header) + "); add " + (lacking.size() == 1 ? "it" : "them")
                        + ", with empty cells for missing values" + misspelt(schema, lacking));
            }
        }
        ArrayNode rows = JsonNodeFactory.instance.arrayNode();
        Set<String> categorical = new java.util.HashSet<>();
        schema.columns().stream().filter(InputSchema.Column::isCategorical).forEach(c -> categorical.add(c.name()));
        for (int r = 0; r < records.size(); r++) {
            String[] cells = records.get(r);
            String line = "line " + lines.get(r);
            if (!schema.isNamed()) {
                ArrayNode array = rows.addArray();
                for (int c = 0; c < cells.length; c++) {
                    array.add(number(cells[c], line + ", column " + (c + 1)));
                }
                continue;
            }
            ObjectNode instance = rows.addObject();
            for (int c = 0; c < cells.length; c++) {
                String name = header.get(c);
                if (ignored.contains(name)) {
                    continue;
                }
                boolean missing = CsvTables.MISSING.contains(cells[c].strip());
                instance.set(name, missing ? JsonNodeFactory.instance.nullNode() : categorical.contains(name)
                        || !schema.featureNames().contains(name) ? JsonNodeFactory.instance.textNode(cells[c])
                        : number(cells[c], InstanceParser.field(line, name)));
            }
        }
        return new Instances(rows, r -> "line " + lines.get(r));
    }

    /** "; its column 'petl' is unknown (did you mean 'petal'?)" for the first header name close to a lacking column. */
    private String misspelt(InputSchema schema, List<String> lacking) {
        Set<String> known = new java.util.HashSet<>(schema.featureNames());
        schema.columns().forEach(c -> known.add(c.name()));
        return header.stream().filter(h -> !known.contains(h) && Suggestions.closest(h, lacking).isPresent()).findFirst()
                .map(h -> "; its column '" + h + "' is unknown" + Suggestions.didYouMean(h, lacking)).orElse("");
    }

    private static JsonNode number(String cell, String where) {
        try {
            double d = Double.parseDouble(cell.strip());
            if (Double.isFinite(d)) {
                // a whole number as written (255, not 255.0), so messages quote the cell as the file has it
                return cell.strip().matches("[-+]?\\d{1,15}") ? JsonNodeFactory.instance.numberNode(Long.parseLong(cell.strip()))
                        : JsonNodeFactory.instance.numberNode(d);
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new BadInputException(where + " must be a number or missing (empty), got '"
                + (cell.length() > 40 ? cell.substring(0, 40) + "..." : cell) + "'");
    }
}
