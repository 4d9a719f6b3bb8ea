package io.tunelab.dashboard.api;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.tunelab.dashboard.DashboardException;
import io.tunelab.dashboard.data.Changes;
import io.tunelab.dashboard.data.DashboardData;
import io.tunelab.dashboard.data.MetricSummaries;
import io.tunelab.dashboard.data.MetricSummary;
import io.tunelab.dashboard.data.SeriesQuery;
import io.tunelab.dashboard.data.TrialDetail;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.tracker.query.StudySummary;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Cross-study endpoints: runs (trials of any study) picked by regex for the scalars view, and compare. */
final class RunRoutes {
    private final DashboardData data;

    RunRoutes(DashboardData data) {
        this.data = data;
    }

    void register(Javalin app) {
        app.get("/api/runs", this::runs);
        app.get("/api/compare", this::compare);
    }

    /**
     * Runs labelled {@code study #number} whose label matches {@code regex} (any if blank), with the
     * change cursor read first. Each run names the metric series it logged ({@code metrics}); the answer's
     * {@code metrics} are those of the matching runs only, so a view never offers a tag none of them has.
     * With {@code since=CURSOR}, only runs created or changed after that cursor (without their metric
     * names), and the series that grew ({@code grown}: trial id, name, count, last step), so a live view
     * adds new runs and fetches only new points; {@code reset} says the cursor is unknown and the view
     * should reload.
     */
    private void runs(Context ctx) {
        Pattern pattern = pattern(ctx.queryParam("regex"));
        int limit = Requests.queryInt(ctx, "limit", 500, 1, 10_000);
        String since = ctx.queryParam("since");
        if (since != null && !since.isBlank()) {
            changedRuns(ctx, pattern, limit, Requests.queryLong(ctx, "since", 0));
            return;
        }
        long cursor = data.cursor();
        List<Map<String, Object>> runs = new ArrayList<>();
        Set<String> metrics = new TreeSet<>();
        int matched = 0;
        for (StudySummary study : data.studies()) {
            List<FrozenTrial> matching = data.allTrials(study.id()).stream()
                    .filter(t -> matches(pattern, study, t.number())).toList();
            Map<Long, Set<String>> logged = matching.isEmpty() ? Map.of() : loggedNames(study.id());
            for (FrozenTrial t : matching) {
                matched++;
                Set<String> names = logged.getOrDefault(t.id(), Set.of());
                metrics.addAll(names);
                if (runs.size() < limit) {
                    Map<String, Object> run = run(study, t);
                    run.put("metrics", names);
                    runs.add(run);
                }
            }
        }
        ctx.json(Map.of("cursor", cursor, "matched", matched, "runs", runs, "metrics", metrics));
    }

    /** The names of the metric series each trial of a study logged, sorted, by trial id (none for a trial that logged none). */
    private Map<Long, Set<String>> loggedNames(long studyId) {
        Map<Long, Set<String>> out = new HashMap<>();
        for (String name : data.metricNames(studyId)) {
            for (Long trialId : data.metricSummaries(studyId, name).keySet()) {
                out.computeIfAbsent(trialId, id -> new TreeSet<>()).add(name);
            }
        }
        return out;
    }

    private void changedRuns(Context ctx, Pattern pattern, int limit, long since) {
        long cursor = data.cursor();
        List<Map<String, Object>> runs = new ArrayList<>();
        List<Changes.MetricUpdate> grown = new ArrayList<>();
        for (StudySummary study : data.studies()) {
            Changes c = data.changes(study.id(), since);
            if (c.reset()) {
                ctx.json(Map.of("cursor", c.cursor(), "reset", true, "runs", List.of(), "grown", List.of()));
                return;
            }
            cursor = Math.max(cursor, c.cursor());
            for (FrozenTrial t : c.trials()) {
                if (runs.size() < limit && matches(pattern, study, t.number())) {
                    runs.add(run(study, t));
                }
            }
            for (Changes.MetricUpdate m : c.metrics()) {
                if (matches(pattern, study, m.number())) {
                    grown.add(m);
                }
            }
        }
        ctx.json(Map.of("cursor", cursor, "reset", false, "runs", runs, "grown", grown));
    }

    private static boolean matches(Pattern pattern, StudySummary study, int number) {
        return pattern == null || pattern.matcher(study.name() + " #" + number).find();
    }

    private static Map<String, Object> run(StudySummary study, FrozenTrial t) {
        Map<String, Object> run = TrialJson.row(t);
        run.put("label", study.name() + " #" + t.number());
        run.put("study", study.name());
        run.put("studyId", study.id());
        return run;
    }

    private static Pattern pattern(String regex) {
        if (regex == null || regex.isBlank()) {
            return null;
        }
        try {
            return Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
        } catch (PatternSyntaxException e) {
            throw DashboardException.badRequest("regex '" + regex + "' is not a valid regular expression: "
                    + e.getDescription());
        }
    }

    /** 2 to 10 trials side by side: details, parameters that differ, and summaries of every series. */
    private void compare(Context ctx) {
        List<Long> ids = Requests.queryLongs(ctx, "trials");
        if (ids.size() < 2 || ids.size() > 10) {
            throw DashboardException.badRequest("compare needs 2 to 10 trial ids, got " + ids.size());
        }
        List<Map<String, Object>> trials = new ArrayList<>();
        List<FrozenTrial> snapshots = new ArrayList<>();
        Set<String> params = new LinkedHashSet<>();
        Set<String> metrics = new TreeSet<>();
        for (long id : ids) {
            TrialDetail d = data.trial(id);
            snapshots.add(d.trial());
            params.addAll(d.trial().params().keySet());
            metrics.addAll(d.metricNames());
            Map<String, Object> view = TrialJson.detail(d);
            Map<String, Object> summaries = new LinkedHashMap<>();
            for (String name : d.metricNames()) {
                MetricSummary summary = MetricSummaries.of(data.series(id, name, SeriesQuery.all()));
                if (summary != null) {
                    summaries.put(name, TrialJson.summary(summary));
                }
            }
            view.put("metricSummaries", summaries);
            trials.add(view);
        }
        List<String> differs = new ArrayList<>();
        for (String p : params) {
            Object first = snapshots.get(0).params().get(p);
            if (snapshots.stream().anyMatch(t -> !Objects.equals(t.params().get(p), first))) {
                differs.add(p);
            }
        }
        ctx.json(Map.of("trials", trials, "params", params, "differs", differs, "metrics", metrics));
    }
}
