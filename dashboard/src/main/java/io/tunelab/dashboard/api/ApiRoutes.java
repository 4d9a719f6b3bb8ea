package io.tunelab.dashboard.api;

import io.javalin.Javalin;
import io.tunelab.dashboard.data.DashboardData;
import io.tunelab.dashboard.query.TrialTable;
import io.tunelab.tracker.query.StudySummary;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The whole API table: registers every resource's routes, {@code /api/info} and the error mapping; warms caches up. */
public final class ApiRoutes {
    /** The page size the study page loads trials in, and the points a long series is first shown with. */
    static final int TRIAL_PAGE = 5000;
    static final int SERIES_POINTS = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(ApiRoutes.class);

    private final DashboardData data;
    private final AccessGuard guard;
    private final StudyRoutes studies;
    private final StudyAnalysisRoutes analysis;
    private final StudyChartRoutes charts;

    public ApiRoutes(DashboardData data, AccessGuard guard) {
        this.data = data;
        this.guard = guard;
        this.studies = new StudyRoutes(data);
        TrialTable table = new TrialTable(data);
        this.analysis = new StudyAnalysisRoutes(data, table);
        this.charts = new StudyChartRoutes(data, table);
    }

    /**
     * Computes ahead what a first visit asks for: the data port's caches, each study's trial pages,
     * parameter importance, trials table's first page, learning curves, optimisation history, sample of lines and
     * (several objectives) Pareto chart. Failures
     * are logged and skipped (a request will meet them again).
     */
    public void warmUp() {
        data.warmUp(SERIES_POINTS);
        for (StudySummary study : data.studies()) {
            try {
                studies.warmUp(study.id(), TRIAL_PAGE);
                analysis.importance(study, 0);
                analysis.warmUp(study);
                charts.history(study, 0);
                charts.historyBinary(study, 0);
                charts.sample(study, 0, StudyChartRoutes.DEFAULT_LINES, StudyChartRoutes.NO_BRUSH);
                if (study.directions().size() > 1) {
                    charts.front(study, StudyChartRoutes.DEFAULT_LINES);
                }
            } catch (RuntimeException | java.io.IOException e) {
                LOG.warn("warming up study {} failed: {}", study.id(), e.toString());
            }
        }
    }

    /**
     * The requests a first visit of each study's page makes before it is interactive (its page, the first screen's API
     * calls as {@link StudyPageCalls} names them), for the server to send itself once its caches are warm: the first
     * such requests of a fresh server also load and compile the HTTP path's classes (Jetty, Javalin, gzip, the routes).
     */
    public List<String> firstVisitRequests() {
        List<String> out = new java.util.ArrayList<>();
        for (StudySummary study : data.studies()) {
            out.add("/study.html?id=" + study.id());
            Map<String, String> calls = StudyPageCalls.onLoad(study.id(), 0, 0, study.directions().size(), "");
            for (String name : List.of("study", "space", "history", "sample", "importance", "curves", "table_first_page", "metric_names")) {
                out.add(calls.get(name));
            }
        }
        return out;
    }

    public void register(Javalin app) {
        ErrorMapping.install(app);
        app.get("/api/info", ctx -> ctx.json(Map.of("name", "tunelab-dashboard", "tokenRequired", guard.tokenRequired(),
                "downloadTokenRequired", guard.downloadTokenRequired())));
        // whether the database answers (the pages ask while they show it unreachable): 503 as any read while it does not
        app.get("/api/health", ctx -> ctx.json(Map.of("database", "reachable", "cursor", data.cursor())));
        app.before(TrialRoutes.ARTIFACT_PATH, guard::checkDownload);
        studies.register(app);
        analysis.register(app);
        charts.register(app);
        new TrialRoutes(data).register(app);
        new SeriesDownloadRoutes(data).register(app);
        new RunRoutes(data).register(app);
        new SummaryRoutes(data).register(app);
        new ModelRoutes(data).register(app);
    }
}
