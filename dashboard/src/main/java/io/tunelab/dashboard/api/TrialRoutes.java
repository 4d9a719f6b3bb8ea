package io.tunelab.dashboard.api;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.tunelab.dashboard.DashboardException;
import io.tunelab.dashboard.data.DashboardData;
import io.tunelab.dashboard.data.SeriesQuery;
import io.tunelab.search.trial.ArtifactRef;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Trial endpoints: one trial, its metric series (downsampled, ranged, incremental) and artifacts. */
final class TrialRoutes {
    /** Downloads of a trial's artifact files, models among them. */
    static final String ARTIFACT_PATH = "/api/trials/{id}/artifacts/{name}";

    /** The most series (trials times metrics) one {@code /api/series} request may ask for. */
    static final int MAX_SERIES = 2000;

    private final DashboardData data;

    TrialRoutes(DashboardData data) {
        this.data = data;
    }

    void register(Javalin app) {
        app.get("/api/trials/{id}", ctx -> ctx.json(TrialJson.detail(data.trial(Requests.pathLong(ctx, "id")))));
        app.get("/api/trials/{id}/series", this::series);
        app.get(ARTIFACT_PATH, this::artifact);
        app.get("/api/series", this::manySeries);
    }

    /** The series query of a request: {@code from}, {@code to}, {@code after} steps and {@code maxPoints}. */
    static SeriesQuery seriesQuery(Context ctx, int defaultMaxPoints) {
        return new SeriesQuery(Requests.queryLong(ctx, "from", Long.MIN_VALUE), Requests.queryLong(ctx, "to", Long.MAX_VALUE),
                Requests.queryLong(ctx, "after", Long.MIN_VALUE),
                Requests.queryInt(ctx, "maxPoints", defaultMaxPoints, 0, SeriesQuery.MAX_POINTS_LIMIT));
    }

    private void series(Context ctx) {
        long id = Requests.pathLong(ctx, "id");
        ctx.json(TrialJson.series(data.series(id, Requests.queryRequired(ctx, "name"), seriesQuery(ctx, 2000))));
    }

    /**
     * Several trials' series of one metric or more, for the scalars and compare views: {@code name} once per metric
     * ({@code name=loss&name=accuracy}), each series naming its metric; a trial without a metric has no series of it.
     * {@code since=ID:STEP,...} asks, for the trials it lists, only for points after that step (a live view appends them
     * to what it holds); such series carry {@code "after": STEP}. At most {@value #MAX_SERIES} series (trials times
     * metrics) in one request.
     */
    private void manySeries(Context ctx) {
        List<Long> ids = Requests.queryLongs(ctx, "trials");
        Map<Long, Long> since = Requests.queryPairs(ctx, "since");
        if (ids.isEmpty()) {
            ids = List.copyOf(since.keySet());
        }
        if (ids.isEmpty() || ids.size() > 200) {
            throw DashboardException.badRequest("trials must list 1 to 200 trial ids, got " + ids.size());
        }
        List<String> names = Requests.queryAll(ctx, "name");
        if (names.size() * ids.size() > MAX_SERIES) {
            throw DashboardException.badRequest("at most " + MAX_SERIES + " series (trials times names) per request, got "
                    + ids.size() + " trials times " + names.size() + " names");
        }
        SeriesQuery query = seriesQuery(ctx, 1000);
        List<Map<String, Object>> out = new ArrayList<>();
        for (String name : names) {
            for (long id : ids) {
                Long after = since.get(id);
                SeriesQuery q = after == null ? query
                        : new SeriesQuery(query.fromStep(), query.toStep(), Math.max(after, query.afterStep()), query.maxPoints());
                try {
                    Map<String, Object> series = TrialJson.series(data.series(id, name, q));
                    if (after != null) {
                        series.put("after", after);
                    }
                    out.add(series);
                } catch (DashboardException e) {
                    if (e.kind() != DashboardException.Kind.NOT_FOUND) {
                        throw e;
                    }
                }
            }
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        if (names.size() == 1) {
            answer.put("name", names.get(0));
        }
        answer.put("names", names);
        answer.put("series", out);
        ctx.json(answer);
    }

    private void artifact(Context ctx) throws IOException {
        long id = Requests.pathLong(ctx, "id");
        ArtifactRef ref = data.artifact(id, ctx.pathParam("name"));
        try (InputStream in = data.openArtifact(ref)) {
            ctx.contentType("application/octet-stream");
            ctx.header("Content-Disposition", "attachment; filename=\"" + ref.name() + "\"");
            ctx.header("X-Content-SHA256", ref.sha256());
            in.transferTo(ctx.outputStream());
        }
    }
}
