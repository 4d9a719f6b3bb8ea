package io.tunelab.search.summary;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tags of a network's weight and gradient histograms, as Keras's {@code TensorBoard(histogram_freq=N)} callback
 * names them in TensorFlow 2: {@code <layer>/<weight>_0} ({@code weight.name} with {@code :} made {@code _}), its
 * layers named by kind and counted from the first, {@code dense}, {@code dense_1}, {@code conv2d}, and a gradient as
 * Keras 1's {@code write_grads} named it, the weight's tag and {@value #GRADIENT_SUFFIX}.
 *
 * <p>DJL names a parameter by its block's path and its own name ({@code 02ParallelBlock_01SequentialBlock_01Conv2d_weight},
 * {@code 01LSTM_l_0_h2h_WEIGHT}); {@link #of} maps the names of one network, in network order, to Keras's:
 * {@code Linear} is {@code dense}, {@code Conv1d}/{@code Conv2d} {@code conv1d}/{@code conv2d}, {@code BatchNorm}
 * {@code batch_normalization} ({@code gamma}, {@code beta}, {@code moving_mean}, {@code moving_variance}), {@code RNN},
 * {@code LSTM} and {@code GRU} {@code simple_rnn}, {@code lstm} and {@code gru} with their cell
 * ({@code lstm/lstm_cell/kernel_0}, {@code recurrent_kernel_0}, {@code bias_0} and, for DJL's second bias,
 * {@code recurrent_bias_0}); a {@code weight} is a {@code kernel}. The trainers log these tags and an export renames
 * histograms logged under DJL's names ({@value #DJL_WEIGHTS}{@code <name>}, {@value #DJL_GRADIENTS}{@code <name>}) with
 * {@link #renamed}. Stateless.
 */
public final class WeightHistogramTags {
    /** What a gradient's tag has after its weight's. */
    public static final String GRADIENT_SUFFIX = "_grad";
    /** What a weight histogram logged under its DJL name has in front (before Keras's names were logged). */
    public static final String DJL_WEIGHTS = "weights/";
    /** What a gradient histogram logged under its DJL name has in front. */
    public static final String DJL_GRADIENTS = "gradients/";

    private static final Pattern PARAMETER = Pattern.compile("((?:\\d+[A-Za-z][A-Za-z0-9]*_)*\\d+[A-Za-z][A-Za-z0-9]*)_([A-Za-z].*)");
    private static final Pattern SEGMENT = Pattern.compile("(\\d+)([A-Za-z][A-Za-z0-9]*)");
    private static final Pattern RECURRENT = Pattern.compile("l_(\\d+)_(i2h|h2h)_(WEIGHT|BIAS)");
    private static final Map<String, String> LAYERS = Map.of("Linear", "dense", "Conv1d", "conv1d", "Conv2d", "conv2d",
            "Conv3d", "conv3d", "BatchNorm", "batch_normalization", "LayerNorm", "layer_normalization", "RNN", "simple_rnn",
            "LSTM", "lstm", "GRU", "gru", "Embedding", "embedding");
    private static final Map<String, String> WEIGHTS = Map.of("weight", "kernel", "runningMean", "moving_mean",
            "runningVar", "moving_variance");

    private WeightHistogramTags() {
    }

    /**
     * The Keras tags of the DJL parameter names {@code parameters} of one network, in any order: each layer is
     * counted among the layers of its kind in network order (its path's numbers). A name that is not DJL's
     * ({@code <NN><Block>_..._<parameter>}) is its own tag.
     */
    public static Map<String, String> of(Collection<String> parameters) {
        Map<List<Segment>, List<String>> layers = new TreeMap<>(WeightHistogramTags::compare);
        Map<String, String> tags = new LinkedHashMap<>();
        for (String name : parameters) {
            Matcher m = PARAMETER.matcher(name);
            if (m.matches()) {
                layers.computeIfAbsent(path(m.group(1)), p -> new ArrayList<>()).add(name);
            } else {
                tags.put(name, name);
            }
        }
        Map<String, Integer> counts = new HashMap<>();
        layers.forEach((path, names) -> {
            String kind = path.get(path.size() - 1).name();
            String base = LAYERS.getOrDefault(kind, snake(kind));
            int n = counts.merge(base, 1, Integer::sum) - 1;
            String suffix = n == 0 ? "" : "_" + n;
            for (String name : names) {
                Matcher m = PARAMETER.matcher(name);
                m.matches();
                tags.put(name, base + suffix + "/" + weight(base, suffix, m.group(2)) + "_0");
            }
        });
        return tags;
    }

    /** The tag of the gradient of the weight tagged {@code weightTag}. */
    public static String gradient(String weightTag) {
        return weightTag + GRADIENT_SUFFIX;
    }

    /**
     * The tags {@code tags} of one trial's summaries with those of histograms logged under DJL's names
     * ({@value #DJL_WEIGHTS} and {@value #DJL_GRADIENTS} before a DJL parameter name) renamed as {@link #of} and
     * {@link #gradient} name them; every other tag is its own.
     */
    public static Map<String, String> renamed(Collection<String> tags) {
        List<String> parameters = new ArrayList<>();
        for (String tag : tags) {
            String name = djlName(tag);
            if (name != null && PARAMETER.matcher(name).matches() && !parameters.contains(name)) {
                parameters.add(name);
            }
        }
        Map<String, String> keras = of(parameters);
        Map<String, String> renamed = new LinkedHashMap<>();
        for (String tag : tags) {
            String name = djlName(tag);
            String weight = name == null ? null : keras.get(name);
            renamed.put(tag, weight == null ? tag : tag.startsWith(DJL_WEIGHTS) ? weight : gradient(weight));
        }
        return renamed;
    }

    private static String djlName(String tag) {
        return tag.startsWith(DJL_WEIGHTS) ? tag.substring(DJL_WEIGHTS.length())
                : tag.startsWith(DJL_GRADIENTS) ? tag.substring(DJL_GRADIENTS.length()) : null;
    }

    private static String weight(String base, String suffix, String parameter) {
        Matcher m = RECURRENT.matcher(parameter);
        if (!m.matches()) {
            return WEIGHTS.getOrDefault(parameter, snake(parameter));
        }
        String cell = base + "_cell" + suffix + (m.group(1).equals("0") ? "" : "_l" + m.group(1));
        String recurrent = m.group(2).equals("h2h") ? "recurrent_" : "";
        return cell + "/" + recurrent + (m.group(3).equals("WEIGHT") ? "kernel" : "bias");
    }

    private static String snake(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    private record Segment(int number, String name) {
    }

    private static List<Segment> path(String path) {
        List<Segment> segments = new ArrayList<>();
        Matcher m = SEGMENT.matcher(path);
        while (m.find()) {
            segments.add(new Segment(Integer.parseInt(m.group(1)), m.group(2)));
        }
        return segments;
    }

    private static int compare(List<Segment> a, List<Segment> b) {
        Comparator<Segment> bySegment = Comparator.comparingInt(Segment::number).thenComparing(Segment::name);
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = bySegment.compare(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }
}
