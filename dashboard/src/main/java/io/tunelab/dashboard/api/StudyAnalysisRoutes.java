package io.tunelab.dashboard.api;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.tunelab.dashboard.DashboardException;
import io.tunelab.dashboard.analysis.BestSoFar;
import io.tunelab.search.importance.ParameterImportance;
import io.tunelab.dashboard.data.DashboardData;
import io.tunelab.dashboard.data.SeriesSelector;
import io.tunelab.dashboard.data.MetricSeries;
import io.tunelab.dashboard.data.SeriesQuery;
import io.tunelab.dashboard.query.TableQuery;
import io.tunelab.dashboard.query.TableResult;
import io.tunelab.dashboard.query.TableRow;
import io.tunelab.dashboard.query.TrialTable;
import io.tunelab.search.trial.Constraints;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.MetricPoint;
import io.tunelab.search.trial.TrialState;
import io.tunelab.tracker.query.StudySummary;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Study analytics endpoints: the filtered, sorted, paged trials table and its CSV export (with each trial's
 * feasibility, as {@link TrialJson#row} says it, and a failed trial's message), parameter
 * importance (cached until the number of complete trials changes), the best-so-far line and learning curves.
 */
final class StudyAnalysisRoutes {
    /** Rows of the trials table's first page, as the study page asks for it (table.js: TL.TrialTable.PAGE). */
    static final int FIRST_PAGE = 200;
    /** Learning curves the study page draws (the latest trials with any), and the points each is reduced to. */
    static final int CURVES = 300;
    static final int CURVE_POINTS = 200;

    private final DashboardData data;
    private final TrialTable table;
    private final ParameterImportance importance = new ParameterImportance();
    private final Map<String, Map.Entry<Integer, ParameterImportance.Result>> importanceCache = new ConcurrentHashMap<>();

    StudyAnalysisRoutes(DashboardData data, TrialTable table) {
        this.data = data;
        this.table = table;
    }

    void register(Javalin app) {
        app.get("/api/studies/{id}/table", this::table);
        app.get("/api/studies/{id}/table.csv", this::tableCsv);
        app.get("/api/studies/{id}/importance", this::importance);
        app.get("/api/studies/{id}/best-so-far", this::bestSoFar);
        app.get("/api/studies/{id}/curves", this::curves);
    }

    private static TableQuery tableQuery(Context ctx, int defaultLimit) {
        return new TableQuery(ctx.queryParam("filter"), ctx.queryParam("sort"), "true".equals(ctx.queryParam("desc")),
                Requests.queryInt(ctx, "offset", 0, 0, Integer.MAX_VALUE),
                Requests.queryInt(ctx, "limit", defaultLimit, 1, TableQuery.MAX_LIMIT), Requests.queryNames(ctx, "metrics"));
    }

    private void table(Context ctx) {
        ctx.json(tablePage(Requests.pathLong(ctx, "id"), tableQuery(ctx, 100)));
    }

    /**
     * Runs once what a first visit of the study page asks of these routes, and writes the answers as JSON (discarded):
     * the trials table's first page as the page asks for it and the latest {@value #CURVES} learning curves. The first
     * such calls in a fresh server took 0.7-3.7 s at 100,000 trials (class loading, the JIT's first tiers, the table's
     * sorted columns and metric names, the database's caches); after this a visit meets them warm.
     */
    void warmUp(StudySummary study) throws java.io.IOException {
        Json.shared().writeValueAsBytes(tablePage(study.id(), new TableQuery("", "number", false, 0, FIRST_PAGE, List.of())));
        Json.shared().writeValueAsBytes(curves(study.id(), CURVES, CURVE_POINTS, Set.of()));
    }

    private Map<String, Object> tablePage(long id, TableQuery query) {
        TableResult result = table.query(id, query);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (TableRow r : result.rows()) {
            rows.add(TrialJson.tableRow(r));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("total", result.total());
        body.put("offset", result.offset());
        body.put("params", result.params());
        body.put("metrics", result.metrics());
        body.put("rows", rows);
        return body;
    }

    private void tableCsv(Context ctx) throws IOException {
        long id = Requests.pathLong(ctx, "id");
        TableResult result = table.all(id, tableQuery(ctx, TableQuery.MAX_LIMIT));
        StudySummary study = data.study(id);
        ctx.contentType("text/csv; charset=utf-8");
        DownloadNames.attach(ctx, DownloadNames.trials(study.name()));
        BufferedWriter out = new BufferedWriter(new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8));
        CsvWriter csv = new CsvWriter(out);
        List<Object> header = new ArrayList<>(List.of("number", "state"));
        for (int i = 0; i < study.directions().size(); i++) {
            header.add(study.directions().size() == 1 ? "value" : "value" + i);
        }
        header.addAll(List.of("start", "end", "feasible", "message"));
        result.params().forEach(p -> header.add("param:" + p));
        Set<String> attrs = new TreeSet<>();
        result.rows().forEach(r -> attrs.addAll(r.trial().userAttrs().keySet()));
        attrs.forEach(a -> header.add("user_attr:" + a));
        result.metrics().forEach(m -> header.addAll(List.of(m + ".last", m + ".min", m + ".max")));
        csv.row(header);
        for (TableRow r : result.rows()) {
            FrozenTrial t = r.trial();
            List<Object> cells = new ArrayList<>(List.of(t.number(), t.state().name()));
            for (int i = 0; i < study.directions().size(); i++) {
                cells.add(i < t.values().size() ? t.values().get(i) : null);
            }
            cells.add(t.start());
            cells.add(t.end());
            cells.add(Constraints.holds(t));
            cells.add(t.message());
            result.params().forEach(p -> cells.add(t.params().get(p)));
            for (String a : attrs) {
                cells.add(userAttrCell(t.userAttrs().get(a)));
            }
            for (String m : result.metrics()) {
                var s = r.metrics().get(m);
                cells.addAll(s == null ? java.util.Arrays.asList(null, null, null) : List.of(s.last(), s.min(), s.max()));
            }
            csv.row(cells);
        }
        out.flush();
    }

    /** A user attribute as a CSV cell: a string, number or boolean as it is, anything else (a list, a map) as JSON. */
    private static Object userAttrCell(Object value) throws IOException {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        return Json.shared().writeValueAsString(value);
    }

    private void importance(Context ctx) {
        long id = Requests.pathLong(ctx, "id");
        StudySummary study = data.study(id);
        int objective = Requests.queryInt(ctx, "objective", 0, 0, study.directions().size() - 1);
        ctx.json(importance(study, objective));
    }

    /** The optimisation history's best-so-far line of one objective ({@link BestSoFar}): {@code {"objective", "direction", "line"}}. */
    private void bestSoFar(Context ctx) {
        long id = Requests.pathLong(ctx, "id");
        StudySummary study = data.study(id);
        int objective = Requests.queryInt(ctx, "objective", 0, 0, study.directions().size() - 1);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("objective", objective);
        body.put("direction", study.directions().get(objective));
        body.put("line", BestSoFar.of(data.allTrials(id), objective, study.directions().get(objective)));
        ctx.json(body);
    }

    /** Importance of the study's parameters for one objective, cached until the number of complete trials changes. */
    ParameterImportance.Result importance(StudySummary study, int objective) {
        int complete = study.counts().get(TrialState.COMPLETE);
        String key = study.id() + ":" + objective;
        Map.Entry<Integer, ParameterImportance.Result> cached = importanceCache.get(key);
        if (cached == null || cached.getKey() != complete) {
            ParameterImportance.Result result = importance.compute(data.allTrials(study.id()), objective,
                    study.directions().get(objective), new SplittableRandom(ParameterImportance.SEED));
            cached = Map.entry(complete, result);
            importanceCache.put(key, cached);
        }
        return cached.getValue();
    }

    /**
     * Intermediate values of the trials listed in {@code numbers}, or else of the latest {@code limit}
     * trials that reported any, each reduced to {@code maxPoints} points.
     */
    private void curves(Context ctx) {
        long id = Requests.pathLong(ctx, "id");
        int limit = Requests.queryInt(ctx, "limit", CURVES, 1, 5000);
        int maxPoints = Requests.queryInt(ctx, "maxPoints", CURVE_POINTS, 2, SeriesQuery.MAX_POINTS_LIMIT);
        Set<Long> wanted = new HashSet<>(Requests.queryLongs(ctx, "numbers"));
        if (wanted.size() > 5000) {
            throw DashboardException.badRequest("at most 5000 trial numbers, got " + wanted.size());
        }
        ctx.json(curves(id, limit, maxPoints, wanted));
    }

    /** {@code {"trialsWithCurves", "curves": [{number, state, steps, values}, ...]}} (see {@link #curves(Context)}). */
    private Map<String, Object> curves(long id, int limit, int maxPoints, Set<Long> wanted) {
        List<FrozenTrial> all = data.allTrials(id);
        List<FrozenTrial> chosen = new ArrayList<>();
        int withCurves = 0;
        for (int i = all.size() - 1; i >= 0; i--) {
            FrozenTrial t = all.get(i);
            if (t.intermediateValues().isEmpty()) {
                continue;
            }
            withCurves++;
            if ((wanted.isEmpty() || wanted.contains((long) t.number())) && chosen.size() < limit) {
                chosen.add(0, t);
            }
        }
        List<Map<String, Object>> curves = new ArrayList<>();
        for (FrozenTrial t : chosen) {
            List<MetricPoint> points = new ArrayList<>();
            t.intermediateValues().forEach((step, v) -> points.add(new MetricPoint("intermediate", step, v, Instant.EPOCH)));
            MetricSeries s = SeriesSelector.select(t.id(), "intermediate", points, SeriesQuery.downsampled(maxPoints));
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("number", t.number());
            m.put("state", t.state().name());
            m.put("steps", s.steps());
            m.put("values", s.values());
            curves.add(m);
        }
        return Map.of("trialsWithCurves", withCurves, "curves", curves);
    }
}
