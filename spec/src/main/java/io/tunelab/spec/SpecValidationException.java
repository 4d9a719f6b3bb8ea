package io.tunelab.spec;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A study file that cannot be used, with every problem found in it (not only the first), sorted by
 * position. The message lists them one per line in compiler style. The root of the {@code spec}
 * module's exceptions: every problem with a study file's content is one of these.
 */
public class SpecValidationException extends RuntimeException {
    private final List<SpecProblem> problems;

    public SpecValidationException(List<SpecProblem> problems) {
        super(message(problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a validation error needs at least one problem");
        }
        this.problems = problems.stream().sorted(SpecProblem.BY_POSITION).toList();
    }

    /** The problems, sorted by line and column; never empty. */
    public List<SpecProblem> problems() {
        return problems;
    }

    private static String message(List<SpecProblem> problems) {
        return problems.stream().sorted(SpecProblem.BY_POSITION).map(SpecProblem::format)
                .collect(Collectors.joining(System.lineSeparator()));
    }
}
