package io.tunelab.cli.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.tunelab.cli.output.Format;
import io.tunelab.cli.output.TextTable;
import io.tunelab.cli.wiring.Wiring;
import io.tunelab.search.sampler.Sampler;
import io.tunelab.search.space.DistributionJson;
import io.tunelab.search.storage.StorageException;
import io.tunelab.search.storage.StudyRecord;
import io.tunelab.search.storage.TrialStorage;
import io.tunelab.search.study.FailTrace;
import io.tunelab.search.trial.ArtifactRef;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.MetricPoint;
import io.tunelab.search.trial.TrialState;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.IntSummaryStatistics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tunelab trial STUDY NUMBER}: everything about one trial, as the dashboard's trial page shows it. As a table
 * (or CSV) one {@code field, value} row each: state, values, times, sampler, message, {@code param:NAME},
 * {@code user:KEY} (test_evaluation, epochs_run, stop_reason, value_epoch...), {@code system:KEY} (sampler,
 * startup_of, slot...), {@code intermediate} (the pruner's reports), {@code metric:TAG} (last value, its step, the
 * number of points, min and max) and {@code artifact:NAME}; with {@code --format json} the whole record as one object,
 * distributions, every intermediate value and the metric summaries included. The table shows the message whole,
 * wrapped over as many rows as it needs; a FAIL trial's stack trace ({@code system:fail_trace}) only with
 * {@code --trace} (or {@code --debug}), whole after its rows, line by line, and otherwise a one-line hint that it exists.
 */
@Command(name = "trial", mixinStandardHelpOptions = true,
        description = {"Show one trial of a study: state, values, parameters, user and system attributes, message,"
                + " intermediate values, a summary of each metric series (last value and step, points, min, max) and"
                + " artifacts.", "--format json prints the whole record as one object."})
public final class TrialCommand extends StudyCommand {

    @Parameters(index = "0", paramLabel = "STUDY", description = "Study name.")
    String study;

    @Parameters(index = "1", paramLabel = "NUMBER", description = "Trial number (as `tunelab trials` lists it).")
    int number;

    @Option(names = "--trace", description = "Show a failed trial's stack trace (also shown with --debug).")
    boolean trace;

    /** The widest value a table shows whole. */
    static final int WIDEST = 160;

    /** The width a message is wrapped at in a table. */
    static final int MESSAGE_WIDTH = 100;

    TrialCommand(Wiring wiring) {
        super(wiring);
    }

    @Override
    int run(TrialStorage storage, PrintWriter out) {
        StudyRecord s = study(storage, study);
        FrozenTrial t = trial(storage, s, number);
        Map<String, Map<String, Object>> metrics = new LinkedHashMap<>();
        for (String name : storage.metricNames(t.id())) {
            metrics.put(name, summary(storage.metrics(t.id(), name)));
        }
        List<ArtifactRef> artifacts = storage.artifacts(t.id());
        out.print(format == Format.JSON ? json(s, t, metrics, artifacts) : table(s, t, metrics, artifacts, format == Format.TABLE)
                .render(format));
        if (format == Format.TABLE && t.systemAttrs().get(FailTrace.ATTR) instanceof String stackTrace) {
            out.println();
            if (trace || debug()) {
                out.println("Stack trace (system:" + FailTrace.ATTR + "):");
                out.println(stackTrace.strip());
            } else {
                out.println("(the trial's stack trace is stored: show it with --trace)");
            }
        }
        out.flush();
        return 0;
    }

    /** Whether {@code --debug} was given, to this command or before it. */
    private boolean debug() {
        for (CommandLine c = spec.commandLine(); c != null; c = c.getParent()) {
            if (c.getParseResult() != null && c.getParseResult().hasMatchedOption("--debug")) {
                return true;
            }
        }
        return false;
    }

    /** Trial {@code number} of the study; a number it does not have is an error naming the study and its range. */
    static FrozenTrial trial(TrialStorage storage, StudyRecord study, int number) {
        try {
            return storage.trialByNumber(study.id(), number);
        } catch (StorageException e) {
            if (e.kind() != StorageException.Kind.NOT_FOUND) {
                throw e;
            }
            IntSummaryStatistics numbers = storage.trials(study.id(), EnumSet.allOf(TrialState.class)).stream()
                    .mapToInt(FrozenTrial::number).summaryStatistics();
            throw StorageException.notFound("study '" + study.name() + "' has no trial number " + number + "; " + (
                    numbers.getCount() == 0 ? "it has no trials yet"
                            : "its trials are numbered " + numbers.getMin() + " to " + numbers.getMax()));
        }
    }

    private static Map<String, Object> summary(List<MetricPoint> series) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("points", series.size());
        if (!series.isEmpty()) {
            MetricPoint last = series.get(series.size() - 1);
            m.put("last", last.value());
            m.put("lastStep", last.step());
            m.put("min", series.stream().mapToDouble(MetricPoint::value).min().orElseThrow());
            m.put("max", series.stream().mapToDouble(MetricPoint::value).max().orElseThrow());
        }
        return m;
    }

    private static Double seconds(FrozenTrial t) {
        return t.start() != null && t.end() != null ? Duration.between(t.start(), t.end()).toMillis() / 1000.0 : null;
    }

    /**
     * The {@code field, value} rows; for people ({@code table}) every value as left-aligned text, one longer than
     * {@value #WIDEST} characters cut short (CSV and JSON keep it whole).
     */
    private static TextTable table(StudyRecord s, FrozenTrial t, Map<String, Map<String, Object>> metrics,
                                   List<ArtifactRef> artifacts, boolean forPeople) {
        List<List<Object>> rows = new ArrayList<>();
        add(rows, "study", s.name());
        add(rows, "number", t.number());
        add(rows, "state", t.state().name());
        int objectives = s.directions().size();
        for (int i = 0; i < objectives; i++) {
            add(rows, objectives == 1 ? "value" : "value_" + i, i < t.values().size() ? t.values().get(i) : null);
        }
        add(rows, "start", t.start() == null ? null : t.start().toString());
        add(rows, "end", t.end() == null ? null : t.end().toString());
        add(rows, "seconds", seconds(t));
        if (Sampler.label(t) != null) {
            add(rows, "sampler", Sampler.label(t));
        }
        if (t.message() != null && !t.message().isBlank()) {
            List<String> lines = forPeople ? wrap(t.message(), MESSAGE_WIDTH) : List.of(t.message());
            for (int i = 0; i < lines.size(); i++) {
                add(rows, i == 0 ? "message" : "", lines.get(i));
            }
        }
        int messageEnd = rows.size();
        t.params().forEach((k, v) -> add(rows, "param:" + k, v));
        t.userAttrs().forEach((k, v) -> add(rows, "user:" + k, cell(v)));
        t.systemAttrs().forEach((k, v) -> {
            if (!(forPeople && k.equals(FailTrace.ATTR))) {
                add(rows, "system:" + k, cell(v));
            }
        });
        if (!t.intermediateValues().isEmpty()) {
            int last = t.intermediateValues().lastKey();
            add(rows, "intermediate", t.intermediateValues().size() + " reported, last at step " + last + ": "
                    + t.intermediateValues().get(last));
        }
        metrics.forEach((name, m) -> add(rows, "metric:" + name, m.containsKey("last")
                ? m.get("last") + " at step " + m.get("lastStep") + " (" + m.get("points") + " points, min " + m.get("min")
                + ", max " + m.get("max") + ")" : "no points"));
        for (ArtifactRef a : artifacts) {
            add(rows, "artifact:" + a.name(), a.size() + " bytes, sha256 " + a.sha256() + ", " + a.uri());
        }
        if (forPeople) {
            for (int i = 0; i < rows.size(); i++) {
                List<Object> row = rows.get(i);
                String text = row.get(1) == null ? null : row.get(1).toString();
                row.set(1, text != null && text.length() > WIDEST && i >= messageEnd ? text.substring(0, WIDEST - 3) + "..." : text);
            }
        }
        return new TextTable(List.of("field", "value"), rows);
    }

    /** {@code text}'s lines, each broken at spaces into lines of at most {@code width} characters (a longer word whole). */
    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.strip().split("\\R")) {
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.strip().split(" +")) {
                if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                line.append(line.length() > 0 ? " " : "").append(word);
            }
            lines.add(line.toString());
        }
        return lines;
    }

    /** An attribute's value as a cell: numbers, text and booleans as they are, anything else as its JSON. */
    private static Object cell(Object v) {
        if (v == null || v instanceof Number || v instanceof String || v instanceof Boolean) {
            return v;
        }
        try {
            return new ObjectMapper().writeValueAsString(v);
        } catch (JsonProcessingException e) {
            return v.toString();
        }
    }

    private static void add(List<List<Object>> rows, String field, Object value) {
        List<Object> row = new ArrayList<>(2);
        row.add(field);
        row.add(value);
        rows.add(row);
    }

    private static String json(StudyRecord s, FrozenTrial t, Map<String, Map<String, Object>> metrics,
                               List<ArtifactRef> artifacts) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("study", s.name());
        m.put("id", t.id());
        m.put("number", t.number());
        m.put("state", t.state().name());
        m.put("values", t.values());
        m.put("start", t.start() == null ? null : t.start().toString());
        m.put("end", t.end() == null ? null : t.end().toString());
        m.put("seconds", seconds(t));
        m.put("sampler", Sampler.label(t));
        m.put("message", t.message());
        m.put("params", t.params());
        Map<String, Object> distributions = new LinkedHashMap<>();
        try {
            for (Map.Entry<String, io.tunelab.search.space.Distribution> d : t.distributions().entrySet()) {
                distributions.put(d.getKey(), mapper.readTree(DistributionJson.toJson(d.getValue())));
            }
            m.put("distributions", distributions);
            m.put("userAttrs", t.userAttrs());
            m.put("systemAttrs", t.systemAttrs());
            m.put("intermediateValues", t.intermediateValues());
            m.put("metrics", metrics);
            List<Map<String, Object>> files = new ArrayList<>();
            for (ArtifactRef a : artifacts) {
                Map<String, Object> f = new LinkedHashMap<>();
                f.put("name", a.name());
                f.put("uri", a.uri().toString());
                f.put("size", a.size());
                f.put("sha256", a.sha256());
                files.add(f);
            }
            m.put("artifacts", files);
            return mapper.writeValueAsString(m) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
