package io.tunelab.cli.registry;

import io.tunelab.cli.error.CliException;
import io.tunelab.cli.output.Numbers;
import io.tunelab.cli.query.StorageUrlOption;
import io.tunelab.cli.wiring.Wiring;
import io.tunelab.tracker.setup.Tracker;
import io.tunelab.trainers.gate.GateVerdict;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code tunelab promote STUDY [--trial N] --model NAME --alias production [--gate mcnemar|paired-t]}:
 * registers the trial's model (the best trial by default) as a new version and moves the alias, only
 * past the gate when one is given, unless {@code --force}.
 */
@Command(name = "promote", mixinStandardHelpOptions = true,
        description = {"Register a trial's model as a new version and point an alias at it.",
                "With --gate, the alias moves only if the new version is significantly better than the current one"
                        + " on the same held-out test set; otherwise nothing is registered."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:promoted", "1:a runtime failure (the database, a model file)",
                "2:invalid input (nothing is registered)", "3:the gate kept the alias where it was (nothing is registered)"})
public final class PromoteCommand implements Callable<Integer> {
    /** The exit code when the gate kept the alias at its version (nothing registered): not an error, not a promotion. */
    public static final int GATE_KEPT = 3;

    @Parameters(index = "0", paramLabel = "STUDY", description = "Study the trial belongs to.")
    String study;

    @Option(names = "--trial", paramLabel = "N", description = "Trial number (default: the best trial).")
    Integer trial;

    @Option(names = "--model", required = true, paramLabel = "NAME", description = "Registered model name.")
    String model;

    @Option(names = "--alias", defaultValue = "production", description = "Alias to move (default: ${DEFAULT-VALUE}).")
    String alias;

    @Option(names = "--gate", paramLabel = "TEST", description = "mcnemar (classification) or paired-t.")
    String gate;

    @Option(names = "--confidence", defaultValue = "0.95", description = "Gate confidence (default: ${DEFAULT-VALUE}).")
    double confidence;

    @Option(names = "--force", description = "Move the alias even if the gate says no (recorded as forced).")
    boolean force;

    @Option(names = "--reason", description = "Why, for the audit trail.")
    String reason;

    @Mixin
    StorageUrlOption storage;

    @Spec
    CommandSpec spec;

    private final Wiring wiring;

    PromoteCommand(Wiring wiring) {
        this.wiring = wiring;
    }

    @Override
    public Integer call() {
        if (!(confidence > 0 && confidence < 1)) {
            throw new CliException("--confidence must be between 0 and 1, got " + confidence);
        }
        if (gate != null && !gate.matches("(?i)mcnemar|paired-t")) {
            throw new CliException("--gate must be mcnemar or paired-t, got '" + gate + "'");
        }
        for (String option : List.of("--confidence", "--force")) {
            if (gate == null && spec.commandLine().getParseResult().hasMatchedOption(option)) {
                throw new CliException(option + " applies to a gate, and no --gate was given; add --gate mcnemar or"
                        + " --gate paired-t, or leave " + option + " out");
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        try (Tracker tracker = wiring.openExistingTracker(storage.access())) {
            Promotion.Outcome o = new Promotion(tracker, wiring.trainers()).promote(new Promotion.Request(study, trial,
                    model, alias, gate, confidence, force, reason, System.getProperty("user.name", "unknown")));
            if (o.version() != null) {
                out.println("Registered " + model + " v" + o.version().version() + " from trial "
                        + o.version().source().trialNumber() + " of study '" + study + "'.");
            }
            GateVerdict v = o.verdict();
            if (v != null) {
                out.println("Gate " + v.test() + ": " + scores(v, o.rows().squaredErrors(), o.previous()) + ", on "
                        + o.rows().describe() + ", p = " + Numbers.compact(v.pValue()) + " -> "
                        + (v.promote() ? "significantly better" : "not significantly better"));
            }
            if (o.moved()) {
                out.println("Alias '" + alias + "' now points at v" + o.version().version()
                        + (o.previous() == null ? "" : " (was v" + o.previous() + ")") + (force && v != null
                        && !v.promote() ? " (forced)" : "") + ".");
            } else {
                out.println("Alias '" + alias + "' stays at v" + o.previous() + "; nothing was registered (the refusal is"
                        + " in `tunelab models " + model + " --history`). Use --force to promote anyway (recorded as forced).");
                out.flush();
                return GATE_KEPT;
            }
        }
        out.flush();
        return 0;
    }

    /**
     * Both models' mean scores, named: a regressor's per-example scores are minus squared errors, shown as the MSE
     * (lower is better); a classifier's are 1 or 0, shown as the accuracy (higher is better).
     */
    static String scores(GateVerdict v, boolean squaredErrors, Integer previous) {
        return squaredErrors
                ? "MSE " + Numbers.compact(-v.challengerScore()) + " (challenger) vs " + Numbers.compact(-v.championScore())
                + " (v" + previous + "), lower is better"
                : "accuracy " + Numbers.compact(v.challengerScore()) + " (challenger) vs "
                + Numbers.compact(v.championScore()) + " (v" + previous + "), higher is better";
    }
}
