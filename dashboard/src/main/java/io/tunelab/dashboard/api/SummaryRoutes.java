package io.tunelab.dashboard.api;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.tunelab.dashboard.DashboardException;
import io.tunelab.dashboard.data.DashboardData;
import io.tunelab.dashboard.data.HistogramShapes;
import io.tunelab.search.summary.Histogram;
import io.tunelab.search.summary.ImageSummary;
import io.tunelab.search.summary.LoggedSummary;
import io.tunelab.search.summary.PrCurve;
import io.tunelab.search.summary.SummaryTag;
import io.tunelab.search.summary.TextSummary;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The summaries views' endpoints: the tags the chosen runs logged (with the runs that logged each), and one tag's
 * summaries for each run, shaped for drawing (histograms as the counts of {@value #BINS} equal bins between
 * {@code lo} and {@code hi} and percentile bands, images as PNG data URIs, PR curves as precision and recall per
 * threshold, texts as they are: the page escapes them).
 */
final class SummaryRoutes {
    static final int BINS = 30;
    private static final int MAX_RUNS = 50;

    private final DashboardData data;

    SummaryRoutes(DashboardData data) {
        this.data = data;
    }

    void register(Javalin app) {
        app.get("/api/summary-tags", this::tags);
        app.get("/api/summaries", this::summaries);
    }

    /** {@code trials=ID,...}: every (tag, kind) any of them logged, sorted by tag, with the ids that logged it in the order asked. */
    private void tags(Context ctx) {
        Map<SummaryTag, List<Long>> trials = new TreeMap<>(Comparator.comparing(SummaryTag::tag).thenComparing(SummaryTag::kind));
        for (long id : runs(ctx)) {
            for (SummaryTag t : data.summaryTags(id)) {
                trials.computeIfAbsent(t, k -> new ArrayList<>()).add(id);
            }
        }
        List<Map<String, Object>> tags = new ArrayList<>();
        trials.forEach((t, ids) -> tags.add(Map.of("tag", t.tag(), "kind", t.kind().name(), "trials", ids)));
        ctx.json(Map.of("tags", tags));
    }

    /** {@code trials=ID,...&tag=TAG}: each run's summaries under the tag, by step. */
    private void summaries(Context ctx) {
        String tag = Requests.queryRequired(ctx, "tag");
        List<Map<String, Object>> runs = new ArrayList<>();
        for (long id : runs(ctx)) {
            List<Map<String, Object>> points = new ArrayList<>();
            for (LoggedSummary s : data.summaries(id, tag)) {
                points.add(json(s));
            }
            runs.add(Map.of("trialId", id, "summaries", points));
        }
        ctx.json(Map.of("tag", tag, "runs", runs));
    }

    private static List<Long> runs(Context ctx) {
        List<Long> ids = Requests.queryLongs(ctx, "trials");
        if (ids.isEmpty() || ids.size() > MAX_RUNS) {
            throw DashboardException.badRequest("trials must list 1 to " + MAX_RUNS + " trial ids, got " + ids.size());
        }
        return ids;
    }

    /**
     * One summary for drawing: a histogram as the counts (floats: enough to draw) of its equal bins from {@code lo}
     * to {@code hi}, one bin of width 1 for a single value, none (and no edges) when empty.
     */
    static Map<String, Object> json(LoggedSummary s) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("step", s.step());
        out.put("wallTime", s.wallTime().toEpochMilli());
        out.put("kind", s.kind().name());
        if (s.value() instanceof Histogram h) {
            out.put("num", h.num());
            out.put("min", h.min());
            out.put("max", h.max());
            double[][] bins = HistogramShapes.bins(h, BINS);
            float[] counts = new float[bins.length];
            for (int b = 0; b < bins.length; b++) {
                counts[b] = (float) bins[b][2];
            }
            if (bins.length > 0) {
                out.put("lo", bins[0][0]);
                out.put("hi", bins[bins.length - 1][1]);
            }
            out.put("counts", counts);
            out.put("percentiles", HistogramShapes.percentiles(h, HistogramShapes.BANDS));
        } else if (s.value() instanceof TextSummary t) {
            out.put("markdown", t.markdown());
        } else if (s.value() instanceof ImageSummary i) {
            out.put("width", i.width());
            out.put("height", i.height());
            out.put("src", "data:image/png;base64," + Base64.getEncoder().encodeToString(i.png()));
        } else if (s.value() instanceof PrCurve c) {
            double[] precision = new double[c.size()];
            double[] recall = new double[c.size()];
            for (int i = 0; i < c.size(); i++) {
                precision[i] = c.precision(i);
                recall[i] = c.recall(i);
            }
            out.put("precision", precision);
            out.put("recall", recall);
        }
        return out;
    }
}
