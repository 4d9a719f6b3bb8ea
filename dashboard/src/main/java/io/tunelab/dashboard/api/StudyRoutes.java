package io.tunelab.dashboard.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.javalin.Javalin;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import io.tunelab.dashboard.data.Changes;
import io.tunelab.dashboard.data.DashboardData;
import io.tunelab.dashboard.data.LruCache;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.tracker.query.ParetoSet;
import io.tunelab.tracker.query.StudySummary;
import io.tunelab.tracker.query.TrialPage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Study endpoints: the studies list, one study, its trials by cursor (as rows or as columns), what changed since a cursor, its
 * metric names and its Pareto front. Tables, importance and learning curves live in
 * {@link StudyAnalysisRoutes}.
 */
final class StudyRoutes {
    private static final int PAGES = 64;
    /** A page of trials as one object per trial ({@link TrialJson#row}). */
    private static final Shape ROWS = new Shape("rows", TrialJson::rows);
    /** A page of trials as columns ({@link TrialColumns}), what the study page loads. */
    private static final Shape COLUMNS = new Shape("columns", TrialColumns::of);

    /** How a page of trials is written. */
    private record Shape(String name, java.util.function.Function<List<FrozenTrial>, Object> json) {
    }

    private final DashboardData data;
    private final LruCache<String, byte[]> pages = new LruCache<>(PAGES);

    StudyRoutes(DashboardData data) {
        this.data = data;
    }

    void register(Javalin app) {
        app.get("/api/studies", this::studies);
        app.get("/api/studies/{id}", this::study);
        app.get("/api/studies/{id}/trials", ctx -> trials(ctx, ROWS));
        app.get("/api/studies/{id}/columns", ctx -> trials(ctx, COLUMNS));
        app.get("/api/studies/{id}/changes", this::changes);
        app.get("/api/studies/{id}/metric-names", ctx -> ctx.json(data.metricNames(Requests.pathLong(ctx, "id"))));
        app.get("/api/studies/{id}/pareto", this::pareto);
        app.get("/api/studies/{id}/space", this::space);
    }

    /** A study's summary with what its objectives are called ({@code objectives}, see {@link ObjectiveNames}). */
    static Map<String, Object> study(StudySummary summary) {
        Map<String, Object> out = Json.shared().convertValue(summary, new TypeReference<LinkedHashMap<String, Object>>() { });
        out.put("objectives", ObjectiveNames.of(summary));
        return out;
    }

    /**
     * One study, with the cursor read before it: changes after that cursor ({@code /changes?since=}, the event stream)
     * include every change of the study made after this read.
     */
    private void study(Context ctx) {
        long cursor = data.cursor();
        Map<String, Object> out = study(data.study(Requests.pathLong(ctx, "id")));
        out.put("cursor", cursor);
        ctx.json(out);
    }

    /** Each parameter's distribution (as last seen), for axis types: log, categorical or linear. */
    private void space(Context ctx) {
        Map<String, Object> out = new LinkedHashMap<>();
        data.space(Requests.pathLong(ctx, "id")).forEach((name, d) -> out.put(name, TrialJson.distribution(d)));
        ctx.json(out);
    }

    private void studies(Context ctx) {
        String q = ctx.queryParam("q");
        String needle = q == null ? "" : q.trim().toLowerCase(Locale.ROOT);
        List<StudySummary> out = new ArrayList<>();
        for (StudySummary s : data.studies()) {
            if (needle.isEmpty() || s.name().toLowerCase(Locale.ROOT).contains(needle)) {
                out.add(s);
            }
        }
        ctx.json(Map.of("cursor", data.cursor(), "studies", out));
    }

    /**
     * Trials with numbers above {@code after}, written in {@code shape}; the cursor is read first, so no
     * later change is missed. A full page of finished trials never changes, so its JSON is kept
     * ({@link #PAGES} pages at most).
     */
    private void trials(Context ctx, Shape shape) throws IOException {
        long id = Requests.pathLong(ctx, "id");
        int after = Requests.queryInt(ctx, "after", -1, -1, Integer.MAX_VALUE);
        int limit = Requests.queryInt(ctx, "limit", 1000, 1, 20_000);
        long cursor = data.cursor();
        String key = shape.name() + ":" + id + ":" + after + ":" + limit;
        byte[] rows = pages.get(key);
        boolean more;
        if (rows != null) {
            long next = (long) after + limit;
            more = next < Integer.MAX_VALUE && !data.trials(id, (int) next, 1).trials().isEmpty();
        } else {
            TrialPage page = data.trials(id, after, limit);
            more = page.more();
            rows = Json.shared().writeValueAsBytes(shape.json().apply(page.trials()));
            if (page.trials().size() == limit && page.trials().stream().allMatch(t -> t.state().isFinished())) {
                pages.put(key, rows);
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream(rows.length + 64);
        body.writeBytes(("{\"cursor\":" + cursor + ",\"hasMore\":" + more + ",\"trials\":").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(rows);
        body.write('}');
        ctx.contentType(ContentType.APPLICATION_JSON).result(body.toByteArray());
    }

    /** Fills the page cache with the column pages of {@code pageSize} trials the study page asks for. */
    void warmUp(long studyId, int pageSize) {
        int after = -1;
        while (true) {
            TrialPage page = data.trials(studyId, after, pageSize);
            if (page.trials().size() == pageSize && page.trials().stream().allMatch(t -> t.state().isFinished())) {
                try {
                    pages.put(COLUMNS.name() + ":" + studyId + ":" + after + ":" + pageSize,
                            Json.shared().writeValueAsBytes(COLUMNS.json().apply(page.trials())));
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException("trials of study " + studyId + " cannot be written as JSON", e);
                }
            }
            if (!page.more() || page.trials().isEmpty()) {
                return;
            }
            after = page.trials().get(page.trials().size() - 1).number();
        }
    }

    private void changes(Context ctx) {
        long id = Requests.pathLong(ctx, "id");
        long since = Requests.queryLong(ctx, "since", 0);
        Changes c = data.changes(id, since);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("cursor", c.cursor());
        body.put("reset", c.reset());
        body.put("trials", TrialJson.rows(c.trials()));
        body.put("metrics", c.metrics());
        body.put("study", c.study());
        ctx.json(body);
    }

    private void pareto(Context ctx) {
        long id = Requests.pathLong(ctx, "id");
        StudySummary study = data.study(id);
        List<Integer> numbers = new ArrayList<>();
        for (FrozenTrial t : ParetoSet.of(data.allTrials(id), study.directions())) {
            numbers.add(t.number());
        }
        ctx.json(Map.of("directions", study.directions(), "numbers", numbers));
    }
}
