package io.tunelab.dashboard.api;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.tunelab.dashboard.DashboardException;
import io.tunelab.dashboard.data.DashboardData;
import io.tunelab.dashboard.data.MetricSeries;
import io.tunelab.dashboard.data.SeriesQuery;
import io.tunelab.dashboard.data.TrialDetail;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Downloads of metric series, every point, named by study and trial number ({@link DownloadNames}): one trial's metric
 * as CSV (the trial page), and one metric of several trials as CSV or JSON (a scalars card). Stateless.
 */
final class SeriesDownloadRoutes {
    /** The most trials one download of a metric may hold. */
    static final int MAX_TRIALS = 200;

    private final DashboardData data;

    SeriesDownloadRoutes(DashboardData data) {
        this.data = data;
    }

    void register(Javalin app) {
        app.get("/api/trials/{id}/series.csv", this::trialCsv);
        app.get("/api/series.csv", this::manyCsv);
        app.get("/api/series.json", this::manyJson);
    }

    /** One trial's metric: {@code name, step, value, wall_time}. */
    private void trialCsv(Context ctx) throws IOException {
        long id = Requests.pathLong(ctx, "id");
        String name = Requests.queryRequired(ctx, "name");
        MetricSeries s = data.series(id, name, SeriesQuery.all());
        TrialDetail trial = data.trial(id);
        ctx.contentType("text/csv; charset=utf-8");
        DownloadNames.attach(ctx, DownloadNames.trialSeries(trial.study().name(), trial.trial().number(), name, "csv"));
        BufferedWriter out = new BufferedWriter(new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8));
        CsvWriter csv = new CsvWriter(out);
        csv.row(List.of("name", "step", "value", "wall_time"));
        for (int i = 0; i < s.size(); i++) {
            csv.row(List.of(name, s.steps()[i], s.values()[i], Instant.ofEpochMilli(s.wallTimes()[i])));
        }
        out.flush();
    }

    /** A trial's series of the metric with its study and number; a trial without the metric has none. */
    private record Run(TrialDetail trial, MetricSeries series) {
    }

    private List<Run> runs(Context ctx, String name) {
        List<Long> ids = Requests.queryLongs(ctx, "trials");
        if (ids.isEmpty() || ids.size() > MAX_TRIALS) {
            throw DashboardException.badRequest("trials must list 1 to " + MAX_TRIALS + " trial ids, got " + ids.size());
        }
        List<Run> out = new ArrayList<>();
        for (long id : ids) {
            TrialDetail trial = data.trial(id);
            if (trial.metricNames().contains(name)) {
                out.add(new Run(trial, data.series(id, name, SeriesQuery.all())));
            }
        }
        return out;
    }

    /** The file name: by trial when there is one, by study when all are of one, else as the scalars view's. */
    private static String fileName(List<Run> runs, List<Long> asked, String name, String ext) {
        List<String> studies = runs.stream().map(r -> r.trial().study().name()).distinct().toList();
        if (runs.size() == 1 && asked.size() == 1) {
            return DownloadNames.trialSeries(studies.get(0), runs.get(0).trial().trial().number(), name, ext);
        }
        return DownloadNames.studySeries(studies.size() == 1 ? studies.get(0) : null, name, ext);
    }

    /** {@code study, trial, name, step, value, wall_time}: a row per point of each trial's metric. */
    private void manyCsv(Context ctx) throws IOException {
        String name = Requests.queryRequired(ctx, "name");
        List<Run> runs = runs(ctx, name);
        ctx.contentType("text/csv; charset=utf-8");
        DownloadNames.attach(ctx, fileName(runs, Requests.queryLongs(ctx, "trials"), name, "csv"));
        BufferedWriter out = new BufferedWriter(new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8));
        CsvWriter csv = new CsvWriter(out);
        csv.row(List.of("study", "trial", "name", "step", "value", "wall_time"));
        for (Run r : runs) {
            MetricSeries s = r.series();
            for (int i = 0; i < s.size(); i++) {
                csv.row(List.of(r.trial().study().name(), r.trial().trial().number(), name, s.steps()[i], s.values()[i],
                        Instant.ofEpochMilli(s.wallTimes()[i])));
            }
        }
        out.flush();
    }

    /** A list of each trial's metric: study, trial number, trial id and the series' columns. */
    private void manyJson(Context ctx) {
        String name = Requests.queryRequired(ctx, "name");
        List<Run> runs = runs(ctx, name);
        List<Map<String, Object>> out = new ArrayList<>();
        for (Run r : runs) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("study", r.trial().study().name());
            m.put("trial", r.trial().trial().number());
            m.putAll(TrialJson.series(r.series()));
            out.add(m);
        }
        DownloadNames.attach(ctx, fileName(runs, Requests.queryLongs(ctx, "trials"), name, "json"));
        ctx.json(out);
    }
}
