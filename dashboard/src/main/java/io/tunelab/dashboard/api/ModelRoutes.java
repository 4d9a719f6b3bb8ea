package io.tunelab.dashboard.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.tunelab.dashboard.DashboardException;
import io.tunelab.dashboard.data.DashboardData;
import io.tunelab.dashboard.data.PromoteRequest;
import java.util.Map;

/**
 * Model registry endpoints: models, one model with versions and audit trail, and the promote action
 * ({@code POST /api/models/{name}/promote} with {@code {"alias", "version" | "trialId", "reason"}}).
 */
final class ModelRoutes {
    private final DashboardData data;

    ModelRoutes(DashboardData data) {
        this.data = data;
    }

    void register(Javalin app) {
        app.get("/api/models", ctx -> ctx.json(Map.of("models", data.models())));
        app.get("/api/models/{name}", ctx -> ctx.json(data.model(ctx.pathParam("name"))));
        app.post("/api/models/{name}/promote", this::promote);
    }

    private void promote(Context ctx) {
        JsonNode body;
        try {
            body = Json.mapper().readTree(ctx.body());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw DashboardException.badRequest("promote needs a JSON object body: " + e.getOriginalMessage());
        }
        if (body == null || !body.isObject()) {
            throw DashboardException.badRequest("promote needs a JSON object body, got '" + ctx.body() + "'");
        }
        Integer version = body.hasNonNull("version") ? body.get("version").asInt() : null;
        Long trialId = body.hasNonNull("trialId") ? body.get("trialId").asLong() : null;
        String actor = "dashboard@" + ctx.ip();
        PromoteRequest request = new PromoteRequest(ctx.pathParam("name"), text(body, "alias"), version, trialId,
                text(body, "reason"), actor);
        ctx.json(data.promote(request));
    }

    private static String text(JsonNode body, String field) {
        return body.hasNonNull(field) ? body.get(field).asText() : null;
    }
}
