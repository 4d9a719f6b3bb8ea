package io.tunelab.trainers.callback;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.search.summary.LoggedSummary;
import io.tunelab.search.summary.PrCurve;
import io.tunelab.search.summary.SummaryTag;
import io.tunelab.search.summary.TextSummary;
import io.tunelab.trainers.data.DenseDataset;
import io.tunelab.trainers.eval.ConfusionMatrix;
import io.tunelab.trainers.testing.LoggedSummaries;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluationSummariesTest {
    private static final List<String> CLASSES = List.of("no", "yes");
    /** Labels 0, 1, 1, 0; logits predicting 0, 1, 0, 0. */
    private static final DenseDataset SPLIT = new DenseDataset(new float[4], new int[] {1}, new int[] {0, 1, 1, 0}, 2);
    private static final float[] LOGITS = {2, 0, 0, 2, 1, 0, 3, 0};

    @Test
    void aCompletedRunLogsTheConfusionMatrixAndAPrCurvePerClassOfItsSplitAtItsLastEpoch() {
        FakeContext context = new FakeContext();
        context.outputs = LOGITS;
        LoggedSummaries logged = LoggedSummaries.of(trial ->
                new EvaluationSummaries(trial, SPLIT, "test", CLASSES).onTrainEnd(new TrainingEnd(7, null, null), context));

        assertThat(logged.tags()).extracting(SummaryTag::tag).containsExactlyInAnyOrder("test/confusion_matrix",
                "test/confusion_matrix_table", "test/pr_curve/no", "test/pr_curve/yes");
        assertThat(logged.of("test/confusion_matrix_table")).extracting(LoggedSummary::step).containsExactly(7L);
        String table = ((TextSummary) logged.of("test/confusion_matrix_table").get(0).value()).markdown();
        assertThat(table).isEqualTo(ConfusionMatrix.of(new int[] {0, 1, 1, 0}, new int[] {0, 1, 0, 0}, CLASSES).toMarkdown());
        PrCurve yes = (PrCurve) logged.of("test/pr_curve/yes").get(0).value();
        assertThat(yes.truePositives()[0] + yes.falseNegatives()[0]).isEqualTo(2);
        assertThat(logged.image("test/confusion_matrix", 7).getHeight()).isGreaterThan(80);
    }

    @Test
    void aFailedOrPrunedRunLogsNothing() {
        FakeContext context = new FakeContext();
        context.outputs = LOGITS;
        LoggedSummaries logged = LoggedSummaries.of(trial -> new EvaluationSummaries(trial, SPLIT, "valid", CLASSES)
                .onTrainEnd(new TrainingEnd(2, null, new IllegalStateException("diverged")), context));
        assertThat(logged.tags()).isEmpty();
    }
}
