package io.tunelab.cli;

import io.tunelab.cli.spec.SpecValidationException;
import io.tunelab.cli.spec.StudySpec;
import io.tunelab.cli.spec.StudySpecParser;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tunelab run STUDY_FILE}: validates a study file and runs the study. With {@code --dry-run} it
 * prints the parsed space and a few sampled configurations instead, training nothing.
 * Exit codes: 0 success, 2 invalid input (every problem printed as {@code file:line:column: path: message}),
 * 1 runtime failure.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Validate a study file and run the study.",
                "With --dry-run: validate, print the search space and sampled configurations, train nothing."})
final class RunCommand implements Callable<Integer> {
    static final int MAX_SAMPLES = 1000;

    @Parameters(index = "0", paramLabel = "STUDY_FILE", description = "the study file (YAML)")
    Path file;

    @Option(names = "--dry-run", description = "validate and preview only: nothing is trained or stored")
    boolean dryRun;

    @Option(names = "--samples", paramLabel = "N", defaultValue = "5",
            description = "configurations to sample in a dry run (default: ${DEFAULT-VALUE})")
    int samples;

    @Spec
    CommandSpec spec;

    private final StudySpecParser parser;

    RunCommand() {
        this(new StudySpecParser());
    }

    RunCommand(StudySpecParser parser) {
        this.parser = parser;
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (samples < 1 || samples > MAX_SAMPLES) {
            err.println("tunelab run: --samples must be from 1 to " + MAX_SAMPLES + ", got " + samples);
            return ExitCodes.INVALID_INPUT;
        }
        StudySpec study;
        try {
            study = parser.parse(file);
        } catch (SpecValidationException e) {
            e.problems().forEach(p -> err.println(p.format()));
            int n = e.problems().size();
            err.println(n + (n == 1 ? " problem" : " problems") + " in " + file + "; nothing was run");
            return ExitCodes.INVALID_INPUT;
        }
        if (!dryRun) {
            err.println("tunelab run: " + file + " is valid, but running a study needs the trainers and the tracker,"
                    + " which this build does not wire into the command yet. Use --dry-run to preview the search space"
                    + " and sampled configurations.");
            return ExitCodes.RUNTIME_FAILURE;
        }
        PrintWriter out = spec.commandLine().getOut();
        new DryRun(study, file.toString()).print(out, samples);
        out.flush();
        return ExitCodes.OK;
    }
}
