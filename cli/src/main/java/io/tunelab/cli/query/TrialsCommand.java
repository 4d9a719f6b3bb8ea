package io.tunelab.cli.query;

import io.tunelab.cli.error.CliException;
import io.tunelab.cli.output.Format;
import io.tunelab.cli.wiring.Wiring;
import io.tunelab.search.storage.StudyRecord;
import io.tunelab.search.storage.TrialStorage;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.TrialState;
import java.io.PrintWriter;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tunelab trials STUDY}: the trials of a study with their values and parameters; as CSV or JSON also their user
 * attributes ({@code user_attr:NAME} columns), too wide for the table. {@code --filter}, {@code --sort} and
 * {@code --limit} select and order them as MLflow's {@code search_runs(filter_string, order_by, max_results)}
 * ({@link TrialSelection}).
 */
@Command(name = "trials", mixinStandardHelpOptions = true, description = "List the trials of a study.")
public final class TrialsCommand extends StudyCommand {

    @Parameters(index = "0", paramLabel = "STUDY", description = "Study name.")
    String study;

    @Option(names = "--state", split = ",", paramLabel = "STATE", converter = TrialStateConverter.class,
            description = "Only trials in these states (COMPLETE, PRUNED, FAIL, RUNNING, WAITING; any case).")
    Set<TrialState> states;

    @Option(names = "--filter", paramLabel = "EXPR",
            description = "Only trials matching MLflow's filter syntax: comparisons joined by AND, e.g. \"params.lr > 0.01 and"
                    + " metrics.val_accuracy >= 0.9 and state = 'COMPLETE'\" (fields: params.NAME, metrics.NAME (last value),"
                    + " value, values.N, number, state, duration, start, end, sampler, user_attr.NAME or tags.NAME;"
                    + " operators = != < <= > >= LIKE ILIKE IN; text compares case-sensitively but for ILIKE).")
    String filter;

    @Option(names = "--sort", split = ",", paramLabel = "KEY", description = "Sort by these keys, each a field as in"
            + " --filter optionally followed by ASC or DESC, e.g. \"metrics.val_accuracy DESC, number\" (default: by number);"
            + " trials without the value come last.")
    List<String> sort;

    @Option(names = "--limit", paramLabel = "N", description = "At most N trials, after filtering and sorting.")
    Integer limit;

    TrialsCommand(Wiring wiring) {
        super(wiring);
    }

    @Override
    int run(TrialStorage storage, PrintWriter out) {
        if (limit != null && limit < 1) {
            throw new CliException("--limit must be 1 or more, got " + limit);
        }
        StudyRecord s = study(storage, study);
        Set<TrialState> wanted = states == null || states.isEmpty() ? EnumSet.allOf(TrialState.class) : states;
        PrintWriter err = spec.commandLine().getErr();
        List<FrozenTrial> trials = new TrialSelection(filter, sort, limit).apply(storage, s, storage.trials(s.id(), wanted),
                err::println);
        err.flush();
        out.print(TrialRows.of(trials, s.directions().size(), format != Format.TABLE).render(format));
        out.flush();
        return 0;
    }
}
