package io.tunelab.tensorboard.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.tunelab.search.summary.Histogram;
import io.tunelab.search.summary.ImageSummary;
import io.tunelab.search.summary.LoggedSummary;
import io.tunelab.search.summary.PrCurve;
import io.tunelab.search.summary.TextSummary;
import io.tunelab.tensorboard.event.EventFileReader;
import io.tunelab.tensorboard.event.EventFileWriter;
import io.tunelab.tensorboard.event.HParamsSummaries;
import io.tunelab.tensorboard.event.SummaryPoint;
import io.tunelab.tensorboard.event.TestPngs;
import io.tunelab.tensorboard.proto.SessionStatus;
import io.tunelab.tensorboard.record.RecordProblem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.exceptions.TFOutOfRangeException;
import org.tensorflow.exceptions.TensorFlowException;
import org.tensorflow.op.Ops;
import org.tensorflow.op.io.FifoQueue;
import org.tensorflow.op.io.QueueClose;
import org.tensorflow.op.io.QueueEnqueue;
import org.tensorflow.op.io.ReaderRead;
import org.tensorflow.op.summary.SummaryWriter;
import org.tensorflow.proto.Event;
import org.tensorflow.proto.Summary;
import org.tensorflow.types.TString;

/**
 * TensorFlow Java (Google's TFRecordReader op, {@code Event} protos and summary-writing ops, from Maven
 * Central in test scope) reads the files Tunelab writes, and writes files Tunelab reads.
 */
@Timeout(120)
class TensorFlowInteropIT {
    private static final Instant T0 = Instant.parse("2026-03-04T05:06:07Z");

    @TempDir
    Path dir;

    @Test
    void tensorFlowsRecordReaderAndEventProtosReadWhatTunelabWrites() throws Exception {
        byte[] png = TestPngs.rgb(4, 3);
        Histogram histogram = Histogram.of(new double[] {-2, -1, 0, 1, 1, 5});
        Path file;
        try (EventFileWriter w = EventFileWriter.create(dir.resolve("run"), T0)) {
            w.scalar("loss", 7, T0, 0.5);
            w.histogram("w", 7, T0, histogram);
            w.image("img", 7, T0, png);
            w.text("note", 7, T0, "*hi*");
            w.write(8, T0, HParamsSummaries.sessionStart(Map.of("lr", 0.01, "opt", "adam"), "g", T0));
            w.write(9, T0, HParamsSummaries.sessionEnd(SessionStatus.STATUS_SUCCESS, T0));
            file = w.file();
        }
        List<Event> events = new ArrayList<>();
        for (byte[] record : tensorFlowRecords(file)) {
            events.add(Event.parseFrom(record));
        }
        assertThat(events).hasSize(7);
        assertThat(events.get(0).getFileVersion()).isEqualTo("brain.Event:2");
        assertThat(events.get(0).getWallTime()).isEqualTo(T0.getEpochSecond());
        Summary.Value scalar = events.get(1).getSummary().getValue(0);
        assertThat(events.get(1).getStep()).isEqualTo(7);
        assertThat(scalar.getTag()).isEqualTo("loss");
        assertThat(scalar.getSimpleValue()).isEqualTo(0.5f);
        org.tensorflow.proto.HistogramProto histo = events.get(2).getSummary().getValue(0).getHisto();
        assertThat(histo.getNum()).isEqualTo(6);
        assertThat(histo.getBucketLimitList()).containsExactlyElementsOf(boxed(histogram.limits()));
        assertThat(histo.getBucketList()).containsExactlyElementsOf(boxed(histogram.counts()));
        Summary.Image image = events.get(3).getSummary().getValue(0).getImage();
        assertThat(image.getWidth()).isEqualTo(4);
        assertThat(image.getHeight()).isEqualTo(3);
        assertThat(image.getColorspace()).isEqualTo(3);
        assertThat(image.getEncodedImageString().toByteArray()).isEqualTo(png);
        Summary.Value text = events.get(4).getSummary().getValue(0);
        assertThat(text.getMetadata().getPluginData().getPluginName()).isEqualTo("text");
        assertThat(text.getTensor().getDtype()).isEqualTo(org.tensorflow.proto.DataType.DT_STRING);
        assertThat(text.getTensor().getStringVal(0).toStringUtf8()).isEqualTo("*hi*");
        Summary.Value start = events.get(5).getSummary().getValue(0);
        assertThat(start.getTag()).isEqualTo("_hparams_/session_start_info");
        assertThat(start.getMetadata().getPluginData().getPluginName()).isEqualTo("hparams");
        assertThat(start.getMetadata().getPluginData().getContent().size()).isPositive();
    }

    @Test
    void tensorFlowsReaderChecksTheCrcsSoTheirAgreementAboveMeansSomething() throws IOException {
        Path file;
        try (EventFileWriter w = EventFileWriter.create(dir.resolve("run"), T0)) {
            w.scalar("loss", 1, T0, 0.5);
            file = w.file();
        }
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 6] ^= 0x10;
        Files.write(file, bytes);
        assertThatThrownBy(() -> tensorFlowRecords(file)).isInstanceOf(TensorFlowException.class)
                .hasMessageContaining("corrupted record");
    }

    @Test
    void tunelabReadsWhatTensorFlowsSummaryWriterWrites() throws IOException {
        Path logdir = dir.resolve("tf-run");
        Ops tf = Ops.create();
        SummaryWriter writer = tensorFlowFileWriter(tf, logdir);
        for (long step = 0; step < 3; step++) {
            tf.summary.writeScalarSummary(writer, tf.constant(step), tf.constant("loss"), tf.constant(1.5f - step));
        }
        tf.summary.writeHistogramSummary(writer, tf.constant(3L), tf.constant("weights"),
                tf.constant(new float[] {-1f, 0f, 0.25f, 0.25f, 4f}));
        byte[][][][] pixels = new byte[1][2][3][3];
        pixels[0][1][2][0] = (byte) 200;
        tf.summary.writeImageSummary(writer, tf.constant(4L), tf.constant("picture"), tf.constant(pixels),
                tf.constant(new byte[] {(byte) 255, 0, 0}));
        tf.summary.flushSummaryWriter(writer);
        tf.summary.closeSummaryWriter(writer);

        Path file;
        try (Stream<Path> files = Files.list(logdir)) {
            file = files.filter(p -> p.getFileName().toString().contains("tfevents")).findFirst().orElseThrow();
        }
        List<SummaryPoint> points = new ArrayList<>();
        List<RecordProblem> problems = new ArrayList<>();
        EventFileReader.read(file, points::add, problems::add);

        assertThat(problems).isEmpty();
        assertThat(points).filteredOn(p -> p.tag().equals("loss")).extracting(p -> ((SummaryPoint.Scalar) p).value())
                .containsExactly(1.5, 0.5, -0.5);
        SummaryPoint histoPoint = points.stream().filter(p -> p.tag().equals("weights")).findFirst().orElseThrow();
        Histogram histo = (Histogram) ((SummaryPoint.Logged) histoPoint).summary().value();
        assertThat(histoPoint.step()).isEqualTo(3);
        assertThat(histo.num()).isEqualTo(5);
        assertThat(histo.min()).isEqualTo(-1);
        assertThat(histo.max()).isEqualTo(4);
        assertThat(histo.sum()).isCloseTo(3.5, within(1e-9));
        ImageSummary image = (ImageSummary) ((SummaryPoint.Logged) points.stream().filter(p -> p.tag().startsWith("picture"))
                .findFirst().orElseThrow()).summary().value();
        assertThat(image.width()).isEqualTo(3);
        assertThat(image.height()).isEqualTo(2);
        assertThat(java.util.Arrays.copyOf(image.png(), 4)).containsExactly((byte) 0x89, 'P', 'N', 'G');
    }

    @Test
    void tensorFlowsEventProtosReadTunelabsPrCurvesAsThePluginsSixRowTensor() throws Exception {
        PrCurve curve = PrCurve.of(new boolean[] {true, false, true, false}, new double[] {0.9, 0.8, 0.3, 0.1}, 5);
        Path file;
        try (EventFileWriter w = EventFileWriter.create(dir.resolve("run"), T0)) {
            w.summary(new LoggedSummary("pr/cat", 4, T0, curve));
            file = w.file();
        }
        List<byte[]> records = tensorFlowRecords(file);
        assertThat(records).hasSize(2);
        Summary.Value value = Event.parseFrom(records.get(1)).getSummary().getValue(0);
        assertThat(value.getTag()).isEqualTo("pr/cat");
        assertThat(value.getMetadata().getPluginData().getPluginName()).isEqualTo("pr_curves");
        org.tensorflow.proto.TensorProto tensor = value.getTensor();
        assertThat(tensor.getDtype()).isEqualTo(org.tensorflow.proto.DataType.DT_FLOAT);
        assertThat(tensor.getTensorShape().getDimList()).extracting(d -> d.getSize()).containsExactly(6L, 5L);
        List<Float> rows = tensor.getFloatValList();
        for (int i = 0; i < 5; i++) {
            assertThat(rows.get(i)).isEqualTo((float) curve.truePositives()[i]);
            assertThat(rows.get(5 + i)).isEqualTo((float) curve.falsePositives()[i]);
            assertThat(rows.get(20 + i)).isEqualTo((float) curve.precision(i));
            assertThat(rows.get(25 + i)).isEqualTo((float) curve.recall(i));
        }
    }

    @Test
    void tunelabReadsTextsAndPrCurvesTensorFlowsWriteSummaryOpWrites() throws IOException {
        Path logdir = dir.resolve("tf-plugins");
        Ops tf = Ops.create();
        SummaryWriter writer = tensorFlowFileWriter(tf, logdir);
        tf.summary.writeSummary(writer, tf.constant(2L), tf.constant("**bold** é"), tf.constant("notes"), metadataOf(tf, "text"));
        float[][] pr = {{2, 1, 0}, {2, 1, 0}, {0, 1, 2}, {0, 1, 2}, {0.5f, 0.5f, 1}, {1, 0.5f, 0}};
        tf.summary.writeSummary(writer, tf.constant(3L), tf.constant(pr), tf.constant("pr/dog"), metadataOf(tf, "pr_curves"));
        tf.summary.flushSummaryWriter(writer);
        tf.summary.closeSummaryWriter(writer);

        List<SummaryPoint> points = new ArrayList<>();
        List<RecordProblem> problems = new ArrayList<>();
        try (Stream<Path> files = Files.list(logdir)) {
            EventFileReader.read(files.filter(p -> p.getFileName().toString().contains("tfevents")).findFirst().orElseThrow(),
                    points::add, problems::add);
        }
        assertThat(problems).isEmpty();
        LoggedSummary text = logged(points, "notes");
        assertThat(text.step()).isEqualTo(2);
        assertThat(text.value()).isEqualTo(new TextSummary("**bold** é"));
        LoggedSummary curve = logged(points, "pr/dog");
        assertThat(curve.step()).isEqualTo(3);
        assertThat(curve.value()).isEqualTo(new PrCurve(new double[] {2, 1, 0}, new double[] {2, 1, 0}, new double[] {0, 1, 2},
                new double[] {0, 1, 2}));
    }

    /** TensorFlow's summary file writer (eager ops) writing into {@code logdir}, created here. */
    private static SummaryWriter tensorFlowFileWriter(Ops tf, Path logdir) throws IOException {
        Files.createDirectories(logdir);
        SummaryWriter writer = tf.summary.summaryWriter();
        tf.summary.createSummaryFileWriter(writer, tf.constant(logdir.toString()), tf.constant(10), tf.constant(100),
                tf.constant(".tf"));
        return writer;
    }

    /** A scalar string tensor holding TensorFlow's own {@code SummaryMetadata} naming the plugin, serialized. */
    private static org.tensorflow.Operand<TString> metadataOf(Ops tf, String plugin) {
        byte[] metadata = org.tensorflow.proto.SummaryMetadata.newBuilder().setPluginData(
                org.tensorflow.proto.SummaryMetadata.PluginData.newBuilder().setPluginName(plugin)).build().toByteArray();
        return tf.constantOf(TString.tensorOfBytes(org.tensorflow.ndarray.NdArrays.scalarOfObject(metadata)));
    }

    private static LoggedSummary logged(List<SummaryPoint> points, String tag) {
        return ((SummaryPoint.Logged) points.stream().filter(p -> p.tag().equals(tag)).findFirst().orElseThrow()).summary();
    }

    /**
     * The records of {@code file} as TensorFlow's TFRecordReader op reads them; it checks both CRCs of every
     * record and fails on a bad one. (tf.data's TFRecordDataset cannot be iterated with TensorFlow Java 1.1.0:
     * building its iterator fails with "3 inputs specified of 4" in the native library.)
     */
    private static List<byte[]> tensorFlowRecords(Path file) {
        List<byte[]> records = new ArrayList<>();
        try (Graph graph = new Graph(); Session session = new Session(graph)) {
            Ops tf = Ops.create(graph);
            FifoQueue queue = tf.io.fifoQueue(List.of(TString.class));
            QueueEnqueue enqueue = tf.io.queueEnqueue(queue, List.of(tf.constant(file.toString())));
            QueueClose close = tf.io.queueClose(queue);
            ReaderRead read = tf.io.readerRead(tf.io.tfRecordReader(), queue);
            session.runner().addTarget(enqueue).run().close();
            session.runner().addTarget(close).run().close();
            while (true) {
                try (Result result = session.runner().fetch(read.value()).run()) {
                    records.add(((TString) result.get(0)).asBytes().getObject());
                } catch (TFOutOfRangeException end) {
                    return records;
                }
            }
        }
    }

    private static List<Double> boxed(double[] values) {
        return java.util.Arrays.stream(values).boxed().toList();
    }
}
