package io.tunelab.dashboard.api;

import io.javalin.Javalin;
import io.tunelab.dashboard.data.DashboardData;
import java.util.Map;

/** The whole API table: registers every resource's routes, {@code /api/info} and the error mapping. */
public final class ApiRoutes {
    private final DashboardData data;
    private final AccessGuard guard;

    public ApiRoutes(DashboardData data, AccessGuard guard) {
        this.data = data;
        this.guard = guard;
    }

    public void register(Javalin app) {
        ErrorMapping.install(app);
        app.get("/api/info", ctx -> ctx.json(Map.of("name", "tunelab-dashboard", "tokenRequired", guard.tokenRequired())));
        new StudyRoutes(data).register(app);
        new StudyAnalysisRoutes(data).register(app);
        new TrialRoutes(data).register(app);
        new RunRoutes(data).register(app);
        new ModelRoutes(data).register(app);
    }
}
