package io.tunelab.tensorboard.event;

import com.google.protobuf.InvalidProtocolBufferException;
import io.tunelab.search.summary.Histogram;
import io.tunelab.search.summary.ImageSummary;
import io.tunelab.search.summary.InvalidSummaryException;
import io.tunelab.search.summary.LoggedSummary;
import io.tunelab.search.summary.PrCurve;
import io.tunelab.search.summary.SummaryValue;
import io.tunelab.search.summary.TextSummary;
import io.tunelab.tensorboard.proto.Event;
import io.tunelab.tensorboard.proto.HistogramProto;
import io.tunelab.tensorboard.proto.Summary;
import io.tunelab.tensorboard.proto.SummaryMetadata;
import io.tunelab.tensorboard.proto.TensorProto;
import io.tunelab.tensorboard.record.RecordProblem;
import io.tunelab.tensorboard.record.TfRecordReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Reads the summaries of an events file: TensorFlow 1's {@code simple_value}, {@code histo} and
 * {@code image}, and TensorFlow 2's tensors of the scalars, histograms, images and text plugins (as
 * Keras's callback writes them), and HParams session starts and ends. Other values
 * (graphs, audio, the HParams experiment...) are passed over. Float32 numbers are read as the double of their
 * shortest decimal ({@link #float32}). Bad
 * records are reported with file and offset (see {@link TfRecordReader}) and reading goes on.
 */
public final class EventFileReader {
    private EventFileReader() {
    }

    /** Reads {@code file}, handing each summary value to {@code points}, each bad record to {@code problems}. */
    public static void read(Path file, Consumer<SummaryPoint> points, Consumer<RecordProblem> problems) throws IOException {
        TfRecordReader.read(file, record -> {
            Event event;
            try {
                event = Event.parseFrom(record.data());
            } catch (InvalidProtocolBufferException e) {
                problems.accept(new RecordProblem(file, record.offset(), "not an Event: " + e.getMessage()));
                return;
            }
            if (event.hasSummary()) {
                Instant wall = instant(event.getWallTime());
                for (Summary.Value v : event.getSummary().getValueList()) {
                    SummaryPoint p;
                    try {
                        p = point(v, event.getStep(), wall);
                    } catch (InvalidSummaryException e) {
                        problems.accept(new RecordProblem(file, record.offset(), e.getMessage()));
                        continue;
                    }
                    if (p != null) {
                        points.accept(p);
                    }
                }
            }
        }, problems);
    }

    private static SummaryPoint point(Summary.Value v, long step, Instant wall) {
        String tag = v.getTag();
        switch (v.getValueCase()) {
            case SIMPLE_VALUE:
                return new SummaryPoint.Scalar(tag, step, wall, float32(v.getSimpleValue()),
                        v.getMetadata().getSummaryDescription());
            case HISTO:
                return logged(tag, step, wall, histogram(v.getHisto()), v.getMetadata());
            case IMAGE:
                return image(tag, step, wall, v.getImage().getEncodedImageString().toByteArray(), v.getMetadata());
            case TENSOR:
                return v.getMetadata().getPluginData().getPluginName().equals(HParamsSummaries.PLUGIN)
                        ? HParamsSummaries.session(tag, step, wall, v.getMetadata().getPluginData().getContent())
                        : tensorPoint(v.getMetadata(), tag, step, wall, v.getTensor());
            default:
                return null;
        }
    }

    private static SummaryPoint tensorPoint(SummaryMetadata metadata, String tag, long step, Instant wall, TensorProto t) {
        switch (metadata.getPluginData().getPluginName()) {
            case "scalars":
                double[] scalar = numbers(t);
                return scalar.length == 1
                        ? new SummaryPoint.Scalar(tag, step, wall, scalar[0], metadata.getSummaryDescription()) : null;
            case "histograms":
                return logged(tag, step, wall, fromTriples(numbers(t)), metadata);
            case "images":
                return t.getStringValCount() < 3 ? null : image(tag, step, wall, t.getStringVal(2).toByteArray(), metadata);
            case "text":
                return t.getStringValCount() == 0 ? null
                        : logged(tag, step, wall, new TextSummary(t.getStringVal(0).toString(StandardCharsets.UTF_8)), metadata);
            case Summaries.PR_CURVES_PLUGIN:
                return prCurve(tag, step, wall, numbers(t), metadata);
            default:
                return null;
        }
    }

    private static SummaryPoint logged(String tag, long step, Instant wall, SummaryValue value, SummaryMetadata metadata) {
        return new SummaryPoint.Logged(new LoggedSummary(tag, step, wall, value), metadata.getSummaryDescription());
    }

    private static SummaryPoint image(String tag, long step, Instant wall, byte[] png, SummaryMetadata metadata) {
        return logged(tag, step, wall, ImageSummary.ofPng(png, "image '" + tag + "' at step " + step), metadata);
    }

    /** The PR-curve plugin's tensor: rows of true positives, false positives, true negatives, false negatives, precision, recall. */
    private static SummaryPoint prCurve(String tag, long step, Instant wall, double[] rows, SummaryMetadata metadata) {
        int n = rows.length / 6;
        if (n < 2 || rows.length != 6 * n) {
            throw new InvalidSummaryException("PR curve '" + tag + "' at step " + step + ": " + rows.length
                    + " numbers; expected 6 rows of at least 2 thresholds");
        }
        return logged(tag, step, wall, new PrCurve(Arrays.copyOfRange(rows, 0, n), Arrays.copyOfRange(rows, n, 2 * n),
                Arrays.copyOfRange(rows, 2 * n, 3 * n), Arrays.copyOfRange(rows, 3 * n, 4 * n)), metadata);
    }

    private static Histogram histogram(HistogramProto h) {
        double[] limits = h.getBucketLimitList().stream().mapToDouble(Double::doubleValue).toArray();
        double[] counts = h.getBucketList().stream().mapToDouble(Double::doubleValue).toArray();
        return new Histogram(h.getMin(), h.getMax(), h.getNum(), h.getSum(), h.getSumSquares(), limits, counts);
    }

    /** TensorFlow 2 histograms: rows of (left edge, right edge, count); sums are estimated from bucket centres. */
    private static Histogram fromTriples(double[] triples) {
        int k = triples.length / 3;
        double[] limits = new double[k];
        double[] counts = new double[k];
        double num = 0;
        double sum = 0;
        double sumSquares = 0;
        for (int i = 0; i < k; i++) {
            double left = triples[3 * i];
            double right = triples[3 * i + 1];
            double count = triples[3 * i + 2];
            limits[i] = right;
            counts[i] = count;
            double centre = (left + right) / 2;
            num += count;
            sum += centre * count;
            sumSquares += centre * centre * count;
        }
        double min = k == 0 ? Double.POSITIVE_INFINITY : triples[0];
        double max = k == 0 ? Double.NEGATIVE_INFINITY : triples[3 * k - 2];
        return new Histogram(min, max, num, sum, sumSquares, limits, counts);
    }

    /** The numbers of a float, double, int32 or int64 tensor, from its typed fields or its raw content. */
    static double[] numbers(TensorProto t) {
        if (t.getFloatValCount() > 0) {
            double[] out = new double[t.getFloatValCount()];
            for (int i = 0; i < out.length; i++) {
                out[i] = float32(t.getFloatVal(i));
            }
            return out;
        }
        if (t.getDoubleValCount() > 0) {
            return t.getDoubleValList().stream().mapToDouble(Double::doubleValue).toArray();
        }
        if (t.getIntValCount() > 0) {
            return t.getIntValList().stream().mapToDouble(Integer::doubleValue).toArray();
        }
        if (t.getInt64ValCount() > 0) {
            return t.getInt64ValList().stream().mapToDouble(Long::doubleValue).toArray();
        }
        return fromContent(t);
    }

    private static double[] fromContent(TensorProto t) {
        ByteBuffer b = t.getTensorContent().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        int width = switch (t.getDtype()) {
            case DT_FLOAT, DT_INT32 -> 4;
            case DT_DOUBLE, DT_INT64 -> 8;
            default -> 0;
        };
        if (width == 0) {
            return new double[0];
        }
        double[] out = new double[b.remaining() / width];
        for (int i = 0; i < out.length; i++) {
            out[i] = switch (t.getDtype()) {
                case DT_FLOAT -> float32(b.getFloat());
                case DT_INT32 -> b.getInt();
                case DT_DOUBLE -> b.getDouble();
                default -> b.getLong();
            };
        }
        return out;
    }

    /**
     * A float32 value as the double of its shortest decimal ({@code 0.755f} is 0.755, not 0.7549999952316284): the
     * value the writer meant, as far as float32 tells, so that tables and CSV files show no float32 noise.
     */
    static double float32(float f) {
        return Double.parseDouble(Float.toString(f));
    }

    private static Instant instant(double seconds) {
        long whole = (long) Math.floor(seconds);
        return Instant.ofEpochSecond(whole, Math.round((seconds - whole) * 1e9));
    }
}
