package io.tunelab.tensorboard.event;

import com.google.protobuf.ByteString;
import io.tunelab.search.summary.Histogram;
import io.tunelab.search.summary.ImageSummary;
import io.tunelab.search.summary.InvalidSummaryException;
import io.tunelab.search.summary.LoggedSummary;
import io.tunelab.search.summary.PngHeader;
import io.tunelab.search.summary.PrCurve;
import io.tunelab.search.summary.SummaryValue;
import io.tunelab.search.summary.TextSummary;
import io.tunelab.tensorboard.TensorBoardException;
import io.tunelab.tensorboard.proto.DataClass;
import io.tunelab.tensorboard.proto.DataType;
import io.tunelab.tensorboard.proto.HistogramProto;
import io.tunelab.tensorboard.proto.PrCurvePluginData;
import io.tunelab.tensorboard.proto.Summary;
import io.tunelab.tensorboard.proto.SummaryMetadata;
import io.tunelab.tensorboard.proto.TensorProto;
import io.tunelab.tensorboard.proto.TensorShapeProto;
import io.tunelab.tensorboard.proto.TextPluginData;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Summary values as TensorBoard's plugins expect them: scalars as {@code simple_value}, histograms as
 * {@code HistogramProto}, images as encoded PNG with their size, text as the text plugin's string tensor.
 */
public final class Summaries {
    /** Plugin names TensorBoard dispatches on. */
    public static final String TEXT_PLUGIN = "text";
    public static final String PR_CURVES_PLUGIN = "pr_curves";

    private Summaries() {
    }

    public static Summary.Value scalar(String tag, double value) {
        return Summary.Value.newBuilder().setTag(tag).setSimpleValue((float) value).build();
    }

    /**
     * A scalar whose tag TensorBoard describes with {@code description} (shown beside its chart; written with a tag's
     * first record, as TensorBoard keeps the first metadata of a tag); none when it is empty.
     */
    public static Summary.Value scalar(String tag, double value, String description) {
        return described(scalar(tag, value), description);
    }

    /**
     * {@code value} with {@code description} (shown beside its chart; written with a tag's first record, as TensorBoard
     * keeps the first metadata of a tag), its plugin data kept; {@code value} itself when it is empty.
     */
    public static Summary.Value described(Summary.Value value, String description) {
        return description.isEmpty() ? value : value.toBuilder()
                .setMetadata(value.getMetadata().toBuilder().setSummaryDescription(description)).build();
    }

    public static Summary.Value histogram(String tag, Histogram h) {
        HistogramProto.Builder proto = HistogramProto.newBuilder().setMin(h.min()).setMax(h.max()).setNum(h.num())
                .setSum(h.sum()).setSumSquares(h.sumSquares());
        for (double limit : h.limits()) {
            proto.addBucketLimit(limit);
        }
        for (double count : h.counts()) {
            proto.addBucket(count);
        }
        return Summary.Value.newBuilder().setTag(tag).setHisto(proto).build();
    }

    /** An image from the bytes of a PNG file; a {@code TensorBoardException} if they are not a PNG. */
    public static Summary.Value image(String tag, byte[] png) {
        PngHeader header;
        try {
            header = PngHeader.of(png, "image '" + tag + "'");
        } catch (InvalidSummaryException e) {
            throw new TensorBoardException(e.getMessage(), e);
        }
        return Summary.Value.newBuilder().setTag(tag).setImage(Summary.Image.newBuilder().setWidth(header.width())
                .setHeight(header.height()).setColorspace(header.channels()).setEncodedImageString(ByteString.copyFrom(png)))
                .build();
    }

    /** A Markdown text for the text plugin: a scalar string tensor (TensorBoard escapes any HTML in it). */
    public static Summary.Value text(String tag, String markdown) {
        TensorProto tensor = TensorProto.newBuilder().setDtype(DataType.DT_STRING)
                .setTensorShape(TensorShapeProto.getDefaultInstance())
                .addStringVal(ByteString.copyFrom(markdown, StandardCharsets.UTF_8)).build();
        return Summary.Value.newBuilder().setTag(tag).setMetadata(metadata(TEXT_PLUGIN,
                TextPluginData.getDefaultInstance().toByteString(), DataClass.DATA_CLASS_TENSOR)).setTensor(tensor).build();
    }

    /**
     * A PR curve as the PR-curve plugin reads it: a float tensor of shape [6, thresholds] holding true positives,
     * false positives, true negatives, false negatives, precision and recall at each threshold.
     */
    public static Summary.Value prCurve(String tag, PrCurve curve) {
        int n = curve.size();
        TensorProto.Builder tensor = TensorProto.newBuilder().setDtype(DataType.DT_FLOAT).setTensorShape(
                TensorShapeProto.newBuilder().addDim(TensorShapeProto.Dim.newBuilder().setSize(6))
                        .addDim(TensorShapeProto.Dim.newBuilder().setSize(n)));
        for (double[] row : List.of(curve.truePositives(), curve.falsePositives(), curve.trueNegatives(), curve.falseNegatives())) {
            for (double v : row) {
                tensor.addFloatVal((float) v);
            }
        }
        for (int i = 0; i < n; i++) {
            tensor.addFloatVal((float) curve.precision(i));
        }
        for (int i = 0; i < n; i++) {
            tensor.addFloatVal((float) curve.recall(i));
        }
        ByteString content = PrCurvePluginData.newBuilder().setNumThresholds(n).build().toByteString();
        return Summary.Value.newBuilder().setTag(tag).setMetadata(metadata(PR_CURVES_PLUGIN, content,
                DataClass.DATA_CLASS_TENSOR)).setTensor(tensor).build();
    }

    /** The value a trial's summary is written as: a histogram, an image, a text or a PR curve. */
    public static Summary.Value of(LoggedSummary summary) {
        String tag = summary.tag();
        SummaryValue value = summary.value();
        if (value instanceof Histogram h) {
            return histogram(tag, h);
        }
        if (value instanceof ImageSummary i) {
            return image(tag, i.png());
        }
        if (value instanceof TextSummary t) {
            return text(tag, t.markdown());
        }
        return prCurve(tag, (PrCurve) value);
    }

    static SummaryMetadata metadata(String plugin, ByteString content, DataClass dataClass) {
        return SummaryMetadata.newBuilder().setPluginData(SummaryMetadata.PluginData.newBuilder().setPluginName(plugin)
                .setContent(content)).setDataClass(dataClass).build();
    }
}
