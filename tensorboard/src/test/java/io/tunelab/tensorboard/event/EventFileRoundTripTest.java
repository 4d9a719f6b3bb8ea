package io.tunelab.tensorboard.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunelab.search.summary.Histogram;
import io.tunelab.search.summary.ImageSummary;
import io.tunelab.search.summary.LoggedSummary;
import io.tunelab.search.summary.PrCurve;
import io.tunelab.search.summary.SummaryLimits;
import io.tunelab.search.summary.SummaryValue;
import io.tunelab.search.summary.TextSummary;
import io.tunelab.tensorboard.TensorBoardException;
import io.tunelab.tensorboard.record.RecordProblem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventFileRoundTripTest {
    private static final Instant T0 = Instant.parse("2026-01-02T03:04:05.250Z");

    @TempDir
    Path dir;

    @Test
    void everySummaryKindWrittenIsReadBack() throws IOException {
        Histogram histogram = Histogram.of(new double[] {-1, 0, 0.5, 2, 2, 3});
        byte[] png = TestPngs.rgb(3, 2);
        PrCurve curve = PrCurve.of(new boolean[] {true, false, true, false}, new double[] {0.9, 0.8, 0.3, 0.1}, 5);
        Path file;
        try (EventFileWriter w = EventFileWriter.create(dir.resolve("trial-0"), T0)) {
            w.scalar("loss", 1, T0, 0.25);
            w.scalar("loss", 2, T0.plusSeconds(1), 0.125);
            w.histogram("dense/weights", 2, T0, histogram);
            w.image("samples", 3, T0, png);
            w.text("notes", 4, T0, "**bold** <script>x</script>");
            w.summary(new LoggedSummary("pr/cat", 5, T0, curve));
            file = w.file();
        }
        assertThat(file.getFileName().toString()).startsWith("events.out.tfevents.");
        List<SummaryPoint> points = new ArrayList<>();
        List<RecordProblem> problems = new ArrayList<>();
        EventFileReader.read(file, points::add, problems::add);

        assertThat(problems).isEmpty();
        assertThat(points).hasSize(6);
        assertThat(points.get(0)).isEqualTo(new SummaryPoint.Scalar("loss", 1, T0, 0.25));
        assertThat(points.get(1)).isEqualTo(new SummaryPoint.Scalar("loss", 2, T0.plusSeconds(1), 0.125));
        assertThat(points.get(2)).isEqualTo(logged("dense/weights", 2, histogram));
        assertThat(points.get(3)).isEqualTo(logged("samples", 3, new ImageSummary(png, 3, 2, 3)));
        assertThat(points.get(4)).isEqualTo(logged("notes", 4, new TextSummary("**bold** <script>x</script>")));
        assertThat(points.get(5)).isEqualTo(logged("pr/cat", 5, curve));
    }

    private static SummaryPoint logged(String tag, long step, SummaryValue value) {
        return new SummaryPoint.Logged(new LoggedSummary(tag, step, T0, value));
    }

    @Test
    void aSummaryOverTheLimitsIsReportedWithItsOffsetAndTheRestIsRead() throws IOException {
        Path file;
        try (EventFileWriter w = EventFileWriter.create(dir, T0)) {
            w.text("huge", 1, T0, "x".repeat(SummaryLimits.MAX_TEXT_CHARS + 1));
            w.scalar("loss", 2, T0, 0.5);
            file = w.file();
        }
        List<SummaryPoint> points = new ArrayList<>();
        List<RecordProblem> problems = new ArrayList<>();
        EventFileReader.read(file, points::add, problems::add);
        assertThat(points).containsExactly(new SummaryPoint.Scalar("loss", 2, T0, 0.5));
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.toString()).contains("text 'huge' at step 1").contains("at most " + SummaryLimits.MAX_TEXT_CHARS);
            assertThat(p.offset()).isPositive();
        });
    }

    @Test
    void scalarsAreStoredAsFloatsAsTensorBoardsSimpleValueIsAndReadWithoutFloatNoise() throws IOException {
        Path file;
        try (EventFileWriter w = EventFileWriter.create(dir, T0)) {
            w.scalar("x", 0, T0, 0.755);
            w.scalar("x", 1, T0, 1.0 / 3);
            file = w.file();
        }
        List<SummaryPoint> points = new ArrayList<>();
        EventFileReader.read(file, points::add, p -> { });
        // 0.755f is 0.7549999952316284 as a double; its shortest decimal is what was logged
        assertThat(points).extracting(p -> ((SummaryPoint.Scalar) p).value()).containsExactly(0.755, 0.33333334);
    }

    @Test
    void aCorruptEventIsReportedAndTheOthersAreRead() throws IOException {
        Path file;
        try (EventFileWriter w = EventFileWriter.create(dir, T0)) {
            w.scalar("a", 1, T0, 1);
            w.scalar("a", 2, T0, 2);
            w.scalar("a", 3, T0, 3);
            file = w.file();
        }
        byte[] all = Files.readAllBytes(file);
        long version = 16 + 24; // the brain.Event:2 record; then three records of equal length
        long scalarRecord = (all.length - version) / 3;
        all[(int) (version + scalarRecord + 14)] ^= 0x40;
        Files.write(file, all);
        List<SummaryPoint> points = new ArrayList<>();
        List<RecordProblem> problems = new ArrayList<>();
        EventFileReader.read(file, points::add, problems::add);
        assertThat(points).extracting(SummaryPoint::step).containsExactly(1L, 3L);
        assertThat(problems).singleElement().satisfies(p -> assertThat(p.offset()).isEqualTo(version + scalarRecord));
    }

    @Test
    void anImageThatIsNotAPngIsRefusedWithItsTag() {
        try (EventFileWriter w = EventFileWriter.create(dir, T0)) {
            assertThatThrownBy(() -> w.image("grid", 0, T0, new byte[40]))
                    .isInstanceOf(TensorBoardException.class).hasMessageContaining("image 'grid'").hasMessageContaining("PNG");
        }
    }
}
