package io.tunelab.search.trial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.tunelab.search.summary.Histogram;
import io.tunelab.search.summary.ImageSummary;
import io.tunelab.search.summary.InvalidSummaryException;
import io.tunelab.search.summary.LoggedSummary;
import io.tunelab.search.summary.PngImages;
import io.tunelab.search.summary.PrCurve;
import io.tunelab.search.summary.SummaryKind;
import io.tunelab.search.summary.SummaryLimits;
import io.tunelab.search.summary.TextSummary;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrialSummariesTest {
    private final FixedTrial trial = new FixedTrial(Map.of());

    @Test
    void eachLogMethodRecordsItsSummaryWithTagAndStep() {
        trial.logHistogram("weights/dense", 3, new double[] {1, 2, 2, 3});
        trial.logText("notes", 3, "**bold**");
        trial.logImage("inputs", 4, new float[2][2][1]);
        trial.logPrCurve("class_1", 5, new boolean[] {true, false}, new double[] {0.8, 0.3});
        assertThat(trial.summaries()).extracting(LoggedSummary::tag, LoggedSummary::step, LoggedSummary::kind).containsExactly(
                tuple("weights/dense", 3L, SummaryKind.HISTOGRAM),
                tuple("notes", 3L, SummaryKind.TEXT),
                tuple("inputs", 4L, SummaryKind.IMAGE),
                tuple("class_1", 5L, SummaryKind.PR_CURVE));
        assertThat(((Histogram) trial.summaries().get(0).value()).num()).isEqualTo(4);
        assertThat(trial.summaries().get(1).value()).isEqualTo(new TextSummary("**bold**"));
        assertThat(((ImageSummary) trial.summaries().get(2).value()).width()).isEqualTo(2);
        assertThat(((PrCurve) trial.summaries().get(3).value()).size()).isEqualTo(PrCurve.DEFAULT_THRESHOLDS);
    }

    @Test
    void anImageOverTheLimitIsRejectedNamingTagStepAndSizes() {
        byte[] png = PngImages.encode(new float[1][1][1]);
        byte[] huge = java.util.Arrays.copyOf(png, SummaryLimits.MAX_IMAGE_BYTES + 1);
        assertThatThrownBy(() -> trial.logImage("big", 7, huge)).isInstanceOf(InvalidSummaryException.class)
                .hasMessageContaining("image 'big' at step 7").hasMessageContaining((SummaryLimits.MAX_IMAGE_BYTES + 1) + " bytes")
                .hasMessageContaining("at most " + SummaryLimits.MAX_IMAGE_BYTES);
        assertThat(trial.summaries()).isEmpty();
    }

    @Test
    void bytesThatAreNotAPngAreRejectedNamingTheImage() {
        assertThatThrownBy(() -> trial.logImage("photo", 1, "<svg onload=alert(1)>".getBytes()))
                .isInstanceOf(InvalidSummaryException.class).hasMessageContaining("image 'photo' at step 1")
                .hasMessageContaining("PNG");
    }

    @Test
    void aTextOverTheLimitIsRejectedNamingItsLength() {
        String text = "x".repeat(SummaryLimits.MAX_TEXT_CHARS + 1);
        assertThatThrownBy(() -> trial.logText("readme", 0, text)).isInstanceOf(InvalidSummaryException.class)
                .hasMessageContaining("text 'readme' at step 0").hasMessageContaining("at most " + SummaryLimits.MAX_TEXT_CHARS);
    }

    @Test
    void aHistogramWithTooManyBucketsIsRejectedNamingTheCount() {
        int n = SummaryLimits.MAX_BUCKETS + 1;
        double[] edges = new double[n + 1];
        for (int i = 0; i <= n; i++) {
            edges[i] = i;
        }
        Histogram h = Histogram.ofBuckets(edges, new double[n]);
        assertThatThrownBy(() -> trial.logHistogram("w", 2, h)).isInstanceOf(InvalidSummaryException.class)
                .hasMessageContaining("histogram 'w' at step 2: " + n + " buckets");
    }

    @Test
    void aPrCurveOfMismatchedInputsNamesItsTag() {
        assertThatThrownBy(() -> trial.logPrCurve("cat", 9, new boolean[1], new double[2]))
                .isInstanceOf(InvalidSummaryException.class).hasMessageContaining("'cat' at step 9");
    }

    @Test
    void aBlankTagIsRejected() {
        assertThatThrownBy(() -> trial.logText(" ", 0, "x")).isInstanceOf(InvalidSummaryException.class)
                .hasMessageContaining("summary tag");
    }

    @Test
    void aTagHoldingTheNulCharacterIsRejectedAsNoDatabaseTextKeepsIt() {
        assertThatThrownBy(() -> trial.logText("a\u0000b", 0, "x")).isInstanceOf(InvalidSummaryException.class)
                .hasMessageContaining("summary tag must not contain the NUL character");
    }
}
