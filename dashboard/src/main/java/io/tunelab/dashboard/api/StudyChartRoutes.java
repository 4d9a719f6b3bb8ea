package io.tunelab.dashboard.api;

import io.javalin.Javalin;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import io.tunelab.dashboard.analysis.BestSoFar;
import io.tunelab.dashboard.analysis.ParetoSample;
import io.tunelab.dashboard.analysis.StratifiedSample;
import io.tunelab.dashboard.data.DashboardData;
import io.tunelab.dashboard.data.LruCache;
import io.tunelab.dashboard.data.TrialReads;
import io.tunelab.dashboard.query.Brush;
import io.tunelab.dashboard.query.TrialTable;
import io.tunelab.search.trial.Constraints;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.TrialState;
import io.tunelab.tracker.query.StudySummary;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the study page's charts draw of a study of any size, computed on the server so the page needs no
 * per-trial objects before it is interactive: the optimisation history's points as three columns
 * ({@code /history}) and the parallel coordinates' and slices' lines as a bounded stratified sample
 * ({@code /sample}, {@link StratifiedSample}) with the ranges of every trial; a brushed selection is evaluated
 * there over every trial, exactly, as the trials table's filter, and the sample always draws it (bounded). Each answer's JSON is kept
 * while the study's trial snapshots stay the very same objects (finished trials are cached by the data
 * port, so a study that did not change answers from memory). Thread-safe.
 */
final class StudyChartRoutes {
    /** Lines drawn by default, and at most. */
    static final int DEFAULT_LINES = 2000;
    static final int MAX_LINES = 20_000;

    /** The sample's brush when nothing is brushed. */
    static final Brush NO_BRUSH = new Brush(0, 1, List.of(), Map.of(), Map.of());

    private final DashboardData data;
    private final TrialTable table;
    private final LruCache<String, Cached> answers = new LruCache<>(32);

    /** An answer and the snapshots it was computed from: its JSON (or binary) bytes and, for a binary answer, the same gzipped. */
    private record Cached(List<FrozenTrial> trials, byte[] json, byte[] gzip) {
    }

    /** The response header that carries a binary answer's cursor (the change feed's position read before its trials). */
    static final String CURSOR_HEADER = "Tunelab-Cursor";

    StudyChartRoutes(DashboardData data, TrialTable table) {
        this.data = data;
        this.table = table;
    }

    void register(Javalin app) {
        app.get("/api/studies/{id}/history", ctx -> history(ctx, false));
        app.get("/api/studies/{id}/history.bin", ctx -> history(ctx, true));
        app.get("/api/studies/{id}/sample", this::sample);
        app.get("/api/studies/{id}/front", this::front);
    }

    /**
     * {@code {"cursor", "directions", "front", "dominated", "dominatedCount", "infeasible", "infeasibleCount"}}: what the
     * Pareto chart draws ({@link ParetoSample}): the exact front over every trial and at most {@code lines} each of the
     * dominated and the infeasible trials, each as {@code {"number": [...], "values": [[objective 0...], ...]}}.
     */
    private void front(Context ctx) throws IOException {
        long id = Requests.pathLong(ctx, "id");
        StudySummary study = data.study(id);
        int lines = Requests.queryInt(ctx, "lines", DEFAULT_LINES, 1, MAX_LINES);
        ctx.contentType(ContentType.APPLICATION_JSON).result(front(study, lines));
    }

    byte[] front(StudySummary study, int lines) throws IOException {
        return answer(study.id(), "front:" + lines, trials -> {
            ParetoSample.Result r = ParetoSample.of(trials, study.directions(), lines);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("directions", study.directions());
            body.put("front", points(r.front(), study.directions().size()));
            body.put("dominated", points(r.dominated(), study.directions().size()));
            body.put("dominatedCount", r.dominatedCount());
            body.put("infeasible", points(r.infeasible(), study.directions().size()));
            body.put("infeasibleCount", r.infeasibleCount());
            return body;
        });
    }

    /** Trials as {@code {"number": [...], "values": [[objective 0 of each], ...]}}. */
    private static Map<String, Object> points(List<FrozenTrial> trials, int objectives) {
        int[] numbers = new int[trials.size()];
        double[][] values = new double[objectives][trials.size()];
        for (int i = 0; i < trials.size(); i++) {
            numbers[i] = trials.get(i).number();
            for (int k = 0; k < objectives; k++) {
                values[k][i] = trials.get(i).values().get(k);
            }
        }
        return Map.of("number", numbers, "values", values);
    }

    /**
     * {@code {"cursor", "objective", "direction", "count", "number": [...], "value": [...], "infeasible": [...]}}: the
     * COMPLETE trials with a finite value of the objective, by number, and the positions among them of those that
     * violate a constraint, and the best-so-far {@code "line"} ({@link BestSoFar}, exact). Values are written to
     * float precision (seven digits, finer than the chart can show; the table and the trial page show them
     * exactly) when every one fits a float, which roughly halves the payload. {@code binary}: as
     * {@link #historyBinary}.
     */
    private void history(Context ctx, boolean binary) throws IOException {
        long id = Requests.pathLong(ctx, "id");
        StudySummary study = data.study(id);
        int objective = Requests.queryInt(ctx, "objective", 0, 0, study.directions().size() - 1);
        if (binary) {
            send(ctx, historyBinary(study, objective));
        } else {
            ctx.contentType(ContentType.APPLICATION_JSON).result(history(study, objective));
        }
    }

    byte[] history(StudySummary study, int objective) throws IOException {
        return answer(study.id(), "history:" + objective, trials -> {
            HistoryColumns h = HistoryColumns.of(trials, objective, study.directions().get(objective));
            Map<String, Object> body = h.head();
            body.put("number", h.numbers());
            body.put("value", asFloats(h.values()));
            return body;
        });
    }

    /** A binary answer: the cursor read before its trials, its bytes, and the same gzipped (once, when it was cached). */
    record BinaryAnswer(long cursor, byte[] body, byte[] gzip) {
    }

    /**
     * The history as the study page reads it, columns in binary (no JSON to parse: 575 KB of it at 100,000 trials took
     * the page 20-70 ms). Little-endian: a uint32 {@code L}; {@code L} bytes of UTF-8 JSON, the history's fields but its
     * columns and cursor ({@code "objective", "direction", "count", "infeasible", "line"}) and {@code "valueBytes"}; zero
     * bytes to the next multiple of 8; {@code count} int32 trial numbers; zero bytes to a multiple of 8; {@code count}
     * values as float32 ({@code valueBytes} 4: every value fits a float, as {@link #asFloats}) or else float64. The
     * cursor travels in the {@value #CURSOR_HEADER} header; the bytes are kept, and gzipped once, while the study's
     * trial snapshots stay the same.
     */
    BinaryAnswer historyBinary(StudySummary study, int objective) throws IOException {
        long cursor = data.cursor();
        List<FrozenTrial> trials = data.allTrials(study.id());
        String key = study.id() + ":history.bin:" + objective;
        Cached known = answers.get(key);
        if (known == null || !TrialReads.same(known.trials(), trials)) {
            byte[] body = HistoryColumns.of(trials, objective, study.directions().get(objective)).binary();
            known = new Cached(trials, body, gzip(body));
            answers.put(key, known);
        }
        return new BinaryAnswer(cursor, known.json(), known.gzip());
    }

    /**
     * Sends a binary answer with its cursor in the {@value #CURSOR_HEADER} header (so the body, cursor-free, is kept
     * whole), gzipped when the request accepts it from the copy compressed once, not by the server on each request.
     */
    private static void send(Context ctx, BinaryAnswer answer) {
        ctx.header(CURSOR_HEADER, Long.toString(answer.cursor()));
        ctx.header("Vary", "Accept-Encoding");
        ctx.minSizeForCompression(Integer.MAX_VALUE);
        ctx.contentType(ContentType.APPLICATION_OCTET_STREAM);
        String accept = ctx.header("Accept-Encoding");
        if (accept != null && accept.contains("gzip")) {
            ctx.header("Content-Encoding", "gzip");
            ctx.result(answer.gzip());
        } else {
            ctx.result(answer.body());
        }
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(bytes.length / 2);
        try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }

    private static int align8(int n) {
        return (n + 7) & ~7;
    }

    /** What the history draws of one objective: the COMPLETE trials with a finite value, by number, and its best-so-far line. */
    private record HistoryColumns(int objective, Direction direction, int[] numbers, double[] values, List<Integer> infeasible,
                                  List<List<Number>> line) {
        static HistoryColumns of(List<FrozenTrial> trials, int objective, Direction direction) {
            int n = 0;
            int[] numbers = new int[trials.size()];
            double[] values = new double[trials.size()];
            List<Integer> infeasible = new ArrayList<>();
            for (FrozenTrial t : trials) {
                if (t.state() == TrialState.COMPLETE && t.values().size() > objective && Double.isFinite(t.values().get(objective))) {
                    numbers[n] = t.number();
                    values[n] = t.values().get(objective);
                    if (!Constraints.holds(t)) {
                        infeasible.add(n);
                    }
                    n++;
                }
            }
            return new HistoryColumns(objective, direction, Arrays.copyOf(numbers, n), Arrays.copyOf(values, n), infeasible,
                    BestSoFar.of(trials, objective, direction));
        }

        /** The fields but the columns, in the JSON answer's order. */
        Map<String, Object> head() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("objective", objective);
            body.put("direction", direction);
            body.put("count", numbers.length);
            body.put("infeasible", infeasible);
            body.put("line", line);
            return body;
        }

        /** The binary answer (see {@link StudyChartRoutes#historyBinary}). */
        byte[] binary() throws IOException {
            boolean floats = asFloats(values) instanceof float[];
            Map<String, Object> fields = head();
            fields.put("valueBytes", floats ? 4 : 8);
            byte[] head = Json.shared().writeValueAsBytes(fields);
            int numbersAt = align8(4 + head.length);
            int valuesAt = numbersAt + align8(4 * numbers.length);
            ByteBuffer out = ByteBuffer.allocate(valuesAt + (floats ? 4 : 8) * values.length).order(ByteOrder.LITTLE_ENDIAN);
            out.putInt(head.length).put(head).position(numbersAt);
            for (int number : numbers) {
                out.putInt(number);
            }
            out.position(valuesAt);
            for (double v : values) {
                if (floats) {
                    out.putFloat((float) v);
                } else {
                    out.putDouble(v);
                }
            }
            return out.array();
        }
    }

    /**
     * {@code {"cursor", "objective", "lines", "counted", "ranges": {param: [min, max], ..., "value": [min, max]},
     * "trials": columns}}: at most {@code lines} trials ({@link StratifiedSample}) as {@link TrialColumns}.
     */
    private void sample(Context ctx) throws IOException {
        long id = Requests.pathLong(ctx, "id");
        StudySummary study = data.study(id);
        int objective = Requests.queryInt(ctx, "objective", 0, 0, study.directions().size() - 1);
        int lines = Requests.queryInt(ctx, "lines", DEFAULT_LINES, 1, MAX_LINES);
        Brush brush = BrushRequest.parse(ctx.queryParam("brush"), objective, study.directions().size());
        ctx.contentType(ContentType.APPLICATION_JSON).result(sample(study, objective, lines, brush));
    }

    /**
     * The sample; with a {@code brush}, also {@code "brush": {"filter", "count", "numbers", "drawn"}}: the trials
     * table's filter for the brush ({@link Brush#filter}), the number of every trial it keeps (exact, over all
     * trials) and how many of them the sample draws (all, or as many as half the lines allow).
     */
    byte[] sample(StudySummary study, int objective, int lines, Brush brush) throws IOException {
        Direction direction = study.directions().get(objective);
        String filter = brush.filter();
        return answer(study.id(), "sample:" + objective + ":" + lines + ":" + filter, trials -> {
            Set<Integer> brushed = new HashSet<>();
            if (!filter.isEmpty()) {
                table.matching(study.id(), filter).forEach(t -> brushed.add(t.number()));
            }
            StratifiedSample.Result sample = StratifiedSample.of(trials, objective, direction, lines, t -> brushed.contains(t.number()));
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("objective", objective);
            body.put("lines", lines);
            body.put("counted", sample.counted());
            body.put("ranges", sample.ranges());
            body.put("trials", TrialColumns.of(sample.trials()));
            if (!filter.isEmpty()) {
                int[] numbers = brushed.stream().mapToInt(Integer::intValue).sorted().toArray();
                body.put("brush", Map.of("filter", filter, "count", numbers.length, "numbers", numbers, "drawn", sample.drawnBrushed()));
            }
            return body;
        });
    }

    /** {@code values} as floats when each fits one (zero, or a normal float's magnitude), else as they are. */
    static Object asFloats(double[] values) {
        float[] floats = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            double a = Math.abs(values[i]);
            if (a != 0 && (a > Float.MAX_VALUE || a < Float.MIN_NORMAL)) {
                return values;
            }
            floats[i] = (float) values[i];
        }
        return floats;
    }

    private interface Body {
        Object of(List<FrozenTrial> trials);
    }

    /** The cached (or computed) JSON of {@code body}, after a {@code "cursor"} read before the trials (no later change is missed). */
    private byte[] answer(long studyId, String what, Body body) throws IOException {
        long cursor = data.cursor();
        List<FrozenTrial> trials = data.allTrials(studyId);
        String key = studyId + ":" + what;
        Cached known = answers.get(key);
        if (known == null || !TrialReads.same(known.trials(), trials)) {
            known = new Cached(trials, Json.shared().writeValueAsBytes(body.of(trials)), null);
            answers.put(key, known);
        }
        return withCursor(cursor, known.json());
    }

    /** {@code json}, an object, with {@code "cursor"} as its first field. */
    private static byte[] withCursor(long cursor, byte[] json) {
        byte[] head = ("{\"cursor\":" + cursor + ",").getBytes(StandardCharsets.UTF_8);
        byte[] out = Arrays.copyOf(head, head.length + json.length - 1);
        System.arraycopy(json, 1, out, head.length, json.length - 1);
        return out;
    }
}
