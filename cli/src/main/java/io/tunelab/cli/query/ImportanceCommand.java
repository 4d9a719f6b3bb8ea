package io.tunelab.cli.query;

import io.tunelab.cli.output.Format;
import io.tunelab.cli.output.Numbers;
import io.tunelab.cli.output.TextTable;
import io.tunelab.cli.wiring.Wiring;
import io.tunelab.search.importance.ParamImportances;
import io.tunelab.search.importance.ParameterImportance;
import io.tunelab.search.storage.StudyRecord;
import io.tunelab.search.storage.TrialStorage;
import io.tunelab.search.study.Study;
import io.tunelab.search.trial.Direction;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tunelab importance STUDY}: each parameter's share of an objective's variance, as Optuna's
 * {@code get_param_importances} and the dashboard's importance chart compute it ({@link ParamImportances}: fANOVA, the
 * same seed, so the same numbers). When there are none to give (too few trials, values that do not vary) it prints the
 * dashboard's note saying why instead: on standard output in a table, on standard error with CSV and JSON (which then
 * hold no rows).
 */
@Command(name = "importance", mixinStandardHelpOptions = true,
        description = "Rank a study's parameters by how much of an objective's variance each explains (fANOVA).")
public final class ImportanceCommand extends StudyCommand {

    @Parameters(index = "0", paramLabel = "STUDY", description = "Study name.")
    String study;

    @Option(names = "--params", split = ",", paramLabel = "NAME",
            description = "Rank only these parameters (comma-separated); trials without one of them are left out.")
    List<String> params = new ArrayList<>();

    @Option(names = "--objective", paramLabel = "INDEX", defaultValue = "0",
            description = "The objective to explain, by index (default: ${DEFAULT-VALUE}).")
    int objective;

    ImportanceCommand(Wiring wiring) {
        super(wiring);
    }

    @Override
    int run(TrialStorage storage, PrintWriter out) {
        StudyRecord s = study(storage, study);
        ParameterImportance.Result result = ParamImportances.evaluate(Study.builder(s.name()).storage(storage)
                .directions(s.directions().toArray(Direction[]::new)).load(), objective, params);
        List<List<Object>> rows = new ArrayList<>();
        result.importances().forEach(e -> rows.add(List.of(e.param(), e.importance())));
        TextTable table = new TextTable(List.of("param", "importance"), rows);
        if (format == Format.TABLE) {
            out.println("Parameter importance in study '" + study + "'" + (s.directions().size() > 1 ? ", objective "
                    + objective : "") + ": " + result.method() + ", " + read(result));
            out.print(result.importances().isEmpty() ? result.note() + System.lineSeparator() : table.render(format));
        } else {
            if (result.importances().isEmpty()) {
                spec.commandLine().getErr().println(result.note());
                spec.commandLine().getErr().flush();
            }
            out.print(table.render(format));
        }
        out.flush();
        return 0;
    }

    private static String read(ParameterImportance.Result result) {
        return result.sample() < result.trials() ? "from " + result.sample() + " of " + result.trials() + " trials (sampled)"
                : Numbers.count(result.trials(), "trial");
    }
}
