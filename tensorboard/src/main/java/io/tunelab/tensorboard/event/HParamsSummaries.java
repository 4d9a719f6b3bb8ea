package io.tunelab.tensorboard.event;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.ListValue;
import com.google.protobuf.Value;
import io.tunelab.search.space.CategoricalDistribution;
import io.tunelab.search.space.Distribution;
import io.tunelab.search.space.FloatDistribution;
import io.tunelab.search.space.IntDistribution;
import io.tunelab.search.summary.InvalidSummaryException;
import io.tunelab.tensorboard.proto.DataClass;
import io.tunelab.tensorboard.proto.DataType;
import io.tunelab.tensorboard.proto.Experiment;
import io.tunelab.tensorboard.proto.HParamDataType;
import io.tunelab.tensorboard.proto.HParamInfo;
import io.tunelab.tensorboard.proto.HParamsPluginData;
import io.tunelab.tensorboard.proto.Interval;
import io.tunelab.tensorboard.proto.MetricInfo;
import io.tunelab.tensorboard.proto.MetricName;
import io.tunelab.tensorboard.proto.SessionEndInfo;
import io.tunelab.tensorboard.proto.SessionStartInfo;
import io.tunelab.tensorboard.proto.SessionStatus;
import io.tunelab.tensorboard.proto.Summary;
import io.tunelab.tensorboard.proto.TensorProto;
import io.tunelab.tensorboard.proto.TensorShapeProto;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The HParams plugin's summaries, so that TensorBoard's HParams tab shows a study: the experiment (its
 * parameters with their domains and its metrics) goes to the logdir's root run, each trial's session start
 * (its parameter values and start time) and end (its status and end time) to the trial's run, and are read back
 * ({@link #session(String, long, Instant, ByteString)}).
 */
public final class HParamsSummaries {
    public static final String PLUGIN = "hparams";
    public static final String EXPERIMENT_TAG = "_hparams_/experiment";
    public static final String SESSION_START_TAG = "_hparams_/session_start_info";
    public static final String SESSION_END_TAG = "_hparams_/session_end_info";

    private static final TensorProto NULL_TENSOR = TensorProto.newBuilder().setDtype(DataType.DT_FLOAT)
            .setTensorShape(TensorShapeProto.getDefaultInstance()).addFloatVal(0f).build();

    private HParamsSummaries() {
    }

    /**
     * A metric the HParams tab shows.
     *
     * @param group       the directory of its tag relative to a session's run ({@code validation}; "" for the run's own)
     * @param tag         its scalar tag
     * @param description what the tab says of it ("" for nothing)
     */
    public record Metric(String group, String tag, String description) {
    }

    /** The experiment: every parameter of the study with its domain, and the metrics to show. */
    public static Summary.Value experiment(String name, Map<String, Distribution> parameters, Collection<Metric> metrics,
            Instant created) {
        Experiment.Builder experiment = Experiment.newBuilder().setName(name).setTimeCreatedSecs(seconds(created));
        parameters.forEach((param, distribution) -> experiment.addHparamInfos(info(param, distribution)));
        for (Metric metric : metrics) {
            experiment.addMetricInfos(MetricInfo.newBuilder().setDescription(metric.description())
                    .setName(MetricName.newBuilder().setGroup(metric.group()).setTag(metric.tag())));
        }
        return value(EXPERIMENT_TAG, HParamsPluginData.newBuilder().setExperiment(experiment).build());
    }

    /** A session's start: its parameter values (numbers, booleans, else their text). */
    public static Summary.Value sessionStart(Map<String, Object> params, String group, Instant start) {
        SessionStartInfo.Builder info = SessionStartInfo.newBuilder().setGroupName(group).setStartTimeSecs(seconds(start));
        params.forEach((name, v) -> info.putHparams(name, protoValue(v)));
        return value(SESSION_START_TAG, HParamsPluginData.newBuilder().setSessionStartInfo(info).build());
    }

    /**
     * An HParams record's plugin data as a session start (parameter values: numbers as {@code Double}, booleans,
     * texts; other values are left out; and its start time) or a session end (status and end time), else null: the
     * experiment holds no run's values.
     *
     * @throws InvalidSummaryException naming the tag and step when the plugin data is not HParams data
     */
    public static SummaryPoint session(String tag, long step, Instant wall, ByteString pluginData) {
        HParamsPluginData data;
        try {
            data = HParamsPluginData.parseFrom(pluginData);
        } catch (InvalidProtocolBufferException e) {
            throw new InvalidSummaryException("HParams record '" + tag + "' at step " + step + ": " + e.getMessage());
        }
        if (data.hasSessionEndInfo()) {
            SessionEndInfo end = data.getSessionEndInfo();
            return new SummaryPoint.SessionEnd(tag, step, wall, end.getStatus(), instant(end.getEndTimeSecs()));
        }
        if (!data.hasSessionStartInfo()) {
            return null;
        }
        Map<String, Object> values = new LinkedHashMap<>();
        data.getSessionStartInfo().getHparamsMap().forEach((name, v) -> {
            switch (v.getKindCase()) {
                case NUMBER_VALUE -> values.put(name, v.getNumberValue());
                case BOOL_VALUE -> values.put(name, v.getBoolValue());
                case STRING_VALUE -> values.put(name, v.getStringValue());
                default -> { }
            }
        });
        return new SummaryPoint.SessionStart(tag, step, wall, values, instant(data.getSessionStartInfo().getStartTimeSecs()));
    }

    /** A session's end with its status. */
    public static Summary.Value sessionEnd(SessionStatus status, Instant end) {
        return value(SESSION_END_TAG, HParamsPluginData.newBuilder()
                .setSessionEndInfo(SessionEndInfo.newBuilder().setStatus(status).setEndTimeSecs(seconds(end))).build());
    }

    private static HParamInfo info(String name, Distribution distribution) {
        HParamInfo.Builder info = HParamInfo.newBuilder().setName(name);
        if (distribution instanceof FloatDistribution f) {
            info.setType(HParamDataType.DATA_TYPE_FLOAT64)
                    .setDomainInterval(Interval.newBuilder().setMinValue(f.low()).setMaxValue(f.high()));
        } else if (distribution instanceof IntDistribution i) {
            info.setType(HParamDataType.DATA_TYPE_FLOAT64)
                    .setDomainInterval(Interval.newBuilder().setMinValue(i.low()).setMaxValue(i.high()));
        } else if (distribution instanceof CategoricalDistribution c) {
            ListValue.Builder choices = ListValue.newBuilder();
            c.choices().forEach(choice -> choices.addValues(protoValue(choice)));
            info.setType(typeOf(c)).setDomainDiscrete(choices);
        } else {
            info.setType(HParamDataType.DATA_TYPE_FLOAT64);
        }
        return info.build();
    }

    private static HParamDataType typeOf(CategoricalDistribution c) {
        if (c.choices().stream().allMatch(x -> x instanceof Number)) {
            return HParamDataType.DATA_TYPE_FLOAT64;
        }
        return c.choices().stream().allMatch(x -> x instanceof Boolean) ? HParamDataType.DATA_TYPE_BOOL
                : HParamDataType.DATA_TYPE_STRING;
    }

    private static Value protoValue(Object v) {
        if (v instanceof Number n) {
            return Value.newBuilder().setNumberValue(n.doubleValue()).build();
        }
        if (v instanceof Boolean b) {
            return Value.newBuilder().setBoolValue(b).build();
        }
        return Value.newBuilder().setStringValue(String.valueOf(v)).build();
    }

    private static Summary.Value value(String tag, HParamsPluginData data) {
        return Summary.Value.newBuilder().setTag(tag)
                .setMetadata(Summaries.metadata(PLUGIN, data.toByteString(), DataClass.DATA_CLASS_UNKNOWN))
                .setTensor(NULL_TENSOR).build();
    }

    static double seconds(Instant t) {
        return t.getEpochSecond() + t.getNano() / 1e9;
    }

    /** Seconds since the epoch as an instant, to the microsecond (what a double holds of today's times), or null for 0. */
    static Instant instant(double seconds) {
        if (seconds == 0) {
            return null;
        }
        long whole = (long) Math.floor(seconds);
        return Instant.ofEpochSecond(whole, Math.round((seconds - whole) * 1e6) * 1000);
    }
}
