package io.tunelab.tensorboard.event;

import com.google.protobuf.ByteString;
import io.tunelab.search.summary.Histogram;
import io.tunelab.search.summary.InvalidSummaryException;
import io.tunelab.search.summary.PngHeader;
import io.tunelab.tensorboard.TensorBoardException;
import io.tunelab.tensorboard.proto.DataClass;
import io.tunelab.tensorboard.proto.DataType;
import io.tunelab.tensorboard.proto.HistogramProto;
import io.tunelab.tensorboard.proto.Summary;
import io.tunelab.tensorboard.proto.SummaryMetadata;
import io.tunelab.tensorboard.proto.TensorProto;
import io.tunelab.tensorboard.proto.TensorShapeProto;
import io.tunelab.tensorboard.proto.TextPluginData;
import java.nio.charset.StandardCharsets;

/**
 * Summary values as TensorBoard's plugins expect them: scalars as {@code simple_value}, histograms as
 * {@code HistogramProto}, images as encoded PNG with their size, text as the text plugin's string tensor.
 */
public final class Summaries {
    /** Plugin names TensorBoard dispatches on. */
    public static final String TEXT_PLUGIN = "text";

    private Summaries() {
    }

    public static Summary.Value scalar(String tag, double value) {
        return Summary.Value.newBuilder().setTag(tag).setSimpleValue((float) value).build();
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

    static SummaryMetadata metadata(String plugin, ByteString content, DataClass dataClass) {
        return SummaryMetadata.newBuilder().setPluginData(SummaryMetadata.PluginData.newBuilder().setPluginName(plugin)
                .setContent(content)).setDataClass(dataClass).build();
    }
}
