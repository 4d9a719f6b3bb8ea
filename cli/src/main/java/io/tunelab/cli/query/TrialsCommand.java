package io.tunelab.cli.query;

import io.tunelab.cli.output.Format;
import io.tunelab.cli.wiring.Wiring;
import io.tunelab.search.storage.StudyRecord;
import io.tunelab.search.storage.TrialStorage;
import io.tunelab.search.trial.TrialState;
import java.io.PrintWriter;
import java.util.EnumSet;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tunelab trials STUDY}: the trials of a study with their values and parameters; as CSV or JSON also their user
 * attributes ({@code user_attr:NAME} columns), too wide for the table.
 */
@Command(name = "trials", mixinStandardHelpOptions = true, description = "List the trials of a study.")
public final class TrialsCommand extends StudyCommand {

    @Parameters(index = "0", paramLabel = "STUDY", description = "Study name.")
    String study;

    @Option(names = "--state", split = ",", paramLabel = "STATE", converter = TrialStateConverter.class,
            description = "Only trials in these states (COMPLETE, PRUNED, FAIL, RUNNING, WAITING; any case).")
    Set<TrialState> states;

    TrialsCommand(Wiring wiring) {
        super(wiring);
    }

    @Override
    int run(TrialStorage storage, PrintWriter out) {
        StudyRecord s = study(storage, study);
        Set<TrialState> wanted = states == null || states.isEmpty() ? EnumSet.allOf(TrialState.class) : states;
        out.print(TrialRows.of(storage.trials(s.id(), wanted), s.directions().size(), format != Format.TABLE).render(format));
        out.flush();
        return 0;
    }
}
