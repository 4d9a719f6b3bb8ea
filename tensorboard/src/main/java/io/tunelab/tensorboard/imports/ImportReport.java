package io.tunelab.tensorboard.imports;

import io.tunelab.tensorboard.record.RecordProblem;
import java.util.List;

/**
 * What an import did.
 *
 * @param imported     runs added as new trials, by run name ({@code .} for the logdir itself)
 * @param skipped      runs already imported from the same directory earlier, left as they were
 * @param running      runs whose HParams session has started and not ended, left for a later import
 * @param scalars      scalar points loaded
 * @param summaries    histograms, images, texts and PR curves loaded
 * @param problems     corrupt or truncated records that were skipped, with file and offset
 */
public record ImportReport(List<String> imported, List<String> skipped, List<String> running, long scalars,
        long summaries, List<RecordProblem> problems) {
    public ImportReport {
        imported = List.copyOf(imported);
        skipped = List.copyOf(skipped);
        running = List.copyOf(running);
        problems = List.copyOf(problems);
    }
}
