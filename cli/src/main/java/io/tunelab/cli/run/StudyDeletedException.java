package io.tunelab.cli.run;

import io.tunelab.cli.error.CliException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The study a worker was running was deleted under it ({@code tunelab delete --force}): the storage no longer knows its
 * trials, so the worker stops. The message says so in one line, naming the trials it was running; the storage's own
 * failure ({@code no trial with id 11}) is the cause.
 */
public final class StudyDeletedException extends CliException {
    /**
     * @param study   the study's name
     * @param running the numbers of the trials this worker was running (may be empty)
     * @param cause   what the storage threw
     */
    public StudyDeletedException(String study, List<Integer> running, Throwable cause) {
        super("study '" + study + "' was deleted while this worker ran " + (running.isEmpty() ? "it"
                : "trial" + (running.size() == 1 ? " " : "s ") + running.stream().sorted().map(String::valueOf)
                .collect(Collectors.joining(", "))) + "; stopping", cause);
    }
}
