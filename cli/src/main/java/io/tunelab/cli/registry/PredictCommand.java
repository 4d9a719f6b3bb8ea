package io.tunelab.cli.registry;

import io.tunelab.cli.error.CliException;
import io.tunelab.cli.output.TextTable;
import io.tunelab.cli.query.StorageUrlOption;
import io.tunelab.cli.wiring.Wiring;
import io.tunelab.serving.BadInputException;
import io.tunelab.serving.CsvInstances;
import io.tunelab.serving.ModelRef;
import io.tunelab.serving.Windows;
import io.tunelab.tracker.setup.Tracker;
import io.tunelab.trainers.predict.OutputSchema;
import io.tunelab.trainers.predict.Prediction;
import io.tunelab.trainers.predict.Predictor;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code tunelab predict MODEL@ALIAS --input x.csv [--output y.csv]}: batch predictions of a CSV file without a server,
 * as MLflow's {@code mlflow models predict -i x.csv}. The input is read as {@code POST /invocations} reads a CSV body
 * ({@link CsvInstances}; columns the model does not take, such as a test file's target, are carried over but not fed
 * to the model);
 * the output is the input's rows with a {@code prediction} column and, for a classifier that gives them, one
 * {@code probability_CLASS} column per class. A series model also takes the rows of its training file's layout (one row
 * per time step, the dropped columns ignored): the output is then the row each forecast follows, the last of the input
 * by default, or with {@code --windows all} each row ending a window of {@code n_steps} rows. A bad cell stops it with
 * an error naming its line and column.
 */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = "Predict every row of a CSV file with a model version (no server needed).")
public final class PredictCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "MODEL@ALIAS|MODEL@VERSION|MODEL",
            description = "e.g. fashion@production, fashion@3, or fashion with VERSION")
    String target;

    @Parameters(index = "1", arity = "0..1", paramLabel = "VERSION", description = "The version: 3 or v3.")
    String version;

    @Option(names = {"--input", "-i"}, required = true, paramLabel = "FILE",
            description = "CSV file: a header row of column names, then one row per instance.")
    Path input;

    @Option(names = {"--output", "-o"}, paramLabel = "FILE", description = "Where to write the CSV (default: stdout).")
    Path output;

    @Option(names = "--windows", paramLabel = "last|all",
            description = "For a series model given rows in its training file's layout: forecast from the last n_steps"
                    + " rows (default), or from every window of n_steps rows.")
    String windows;

    @Mixin
    StorageUrlOption storage;

    @Spec
    CommandSpec spec;

    private final Wiring wiring;

    PredictCommand(Wiring wiring) {
        this.wiring = wiring;
    }

    @Override
    public Integer call() throws IOException {
        String named = version == null ? target : target + "@" + version;
        Windows chosen;
        try {
            chosen = windows == null ? null : Windows.parse("--windows", windows);
        } catch (BadInputException e) {
            throw new CliException(e.getMessage());
        }
        if (!Files.isRegularFile(input)) {
            throw new CliException("--input: no such file " + input);
        }
        CsvInstances csv;
        try (Reader in = Files.newBufferedReader(input, StandardCharsets.UTF_8)) {
            csv = CsvInstances.read(in);
        } catch (BadInputException e) {
            throw new CliException("--input " + input + ": " + e.getMessage());
        }
        TextTable table;
        ModelRef ref;
        try (Tracker tracker = wiring.openExistingTracker(storage.access())) {
            RegistryModelResolver resolver = new RegistryModelResolver(tracker, ServeTarget.parse(named, tracker.registry()),
                    wiring.trainers());
            ref = resolver.current();
            try (Predictor model = resolver.load(ref)) {
                table = predict(model, ref, csv, chosen);
            }
        }
        if (output == null) {
            PrintWriter out = spec.commandLine().getOut();
            out.print(table.csv());
            out.flush();
        } else {
            Files.writeString(output, table.csv(), StandardCharsets.UTF_8);
            PrintWriter err = spec.commandLine().getErr();
            err.println("Wrote " + table.rows().size() + " predictions of " + ref + " to " + output + ".");
            err.flush();
        }
        return 0;
    }

    private TextTable predict(Predictor model, ModelRef ref, CsvInstances csv, Windows chosen) {
        OutputSchema out = model.output();
        float[][] rows;
        List<Integer> predicted;
        boolean all = chosen == Windows.ALL;
        if (chosen != null) {
            try {
                Windows.checkApplies("--windows", ref.toString(), model.schema(), out, csv.isSeries(model.schema()));
            } catch (BadInputException e) {
                throw new CliException(e.getMessage());
            }
        }
        try {
            rows = csv.rows(model.schema(), out.target() == null ? Set.of() : Set.of(out.target()), all);
            predicted = csv.predictedRows(model.schema(), all);
        } catch (BadInputException e) {
            throw new CliException("--input " + input + ": " + e.getMessage());
        }
        if (csv.isSeries(model.schema()) && !all) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("Forecast from the last " + model.schema().steps() + " rows of " + input + " (the model's window,"
                    + " n_steps); --windows all forecasts from every window.");
            err.flush();
        }
        List<Prediction> predictions = model.predict(rows);
        TreeSet<String> classes = new TreeSet<>();
        predictions.forEach(p -> classes.addAll(p.probabilities().keySet()));
        List<String> header = new ArrayList<>(csv.header());
        header.add("prediction");
        classes.forEach(c -> header.add("probability_" + c));
        List<List<Object>> cells = new ArrayList<>();
        for (int r = 0; r < predictions.size(); r++) {
            List<Object> row = new ArrayList<>(Arrays.asList((Object[]) csv.records().get(predicted.get(r))));
            Prediction p = predictions.get(r);
            row.add(p.output());
            for (String c : classes) {
                row.add(p.probabilities().getOrDefault(c, 0.0));
            }
            cells.add(row);
        }
        return new TextTable(header, cells);
    }
}
