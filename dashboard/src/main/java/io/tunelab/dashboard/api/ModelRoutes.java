package io.tunelab.dashboard.api;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.tunelab.dashboard.DashboardException;
import io.tunelab.dashboard.data.DashboardData;
import io.tunelab.dashboard.data.PromoteRequest;
import io.tunelab.search.storage.StorageException;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.tracker.query.StudySummary;
import io.tunelab.tracker.registry.AliasMove;
import java.util.List;
import java.util.Map;

/**
 * Model registry endpoints: models, one model with versions and audit trail (a deleted one: 404 with its deletion and
 * audit trail), and the promote action
 * ({@code POST /api/models/{name}/promote} with {@code {"alias", "version" | "study" and "trialNumber" | "trialId",
 * "reason"}}: a trial is given by its number in a study, as the pages show it, or by its database id; strings and
 * whole numbers of any other JSON type are refused with 400).
 */
final class ModelRoutes {
    /** A promote body is a few short fields. */
    static final int MAX_BODY_BYTES = 64 * 1024;

    private final DashboardData data;

    ModelRoutes(DashboardData data) {
        this.data = data;
    }

    void register(Javalin app) {
        app.get("/api/models", ctx -> ctx.json(Map.of("models", ModelViews.models(data.models()))));
        app.get("/api/models/{name}", this::model);
        app.post("/api/models/{name}/promote", this::promote);
    }

    /**
     * One model; a model that was deleted answers 404 with the usual error body, which also says when and by whom it
     * was deleted ({@code deleted}) and holds its audit trail ({@code audit}, newest first), as the model page shows.
     */
    private void model(Context ctx) {
        String name = ctx.pathParam("name");
        try {
            ctx.json(ModelViews.detail(data.model(name)));
        } catch (StorageException e) {
            List<AliasMove> trail = e.kind() == StorageException.Kind.NOT_FOUND ? data.deletedModelTrail(name) : List.of();
            if (trail.isEmpty()) {
                throw e;
            }
            ctx.status(404).json(ModelViews.deleted(name, trail));
        }
    }

    private void promote(Context ctx) {
        String text = Requests.body(ctx, MAX_BODY_BYTES);
        JsonNode body;
        try {
            body = Json.mapper().reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw DashboardException.badRequest("promote needs a JSON object body: " + e.getOriginalMessage());
        }
        if (body == null || !body.isObject()) {
            throw DashboardException.badRequest("promote needs a JSON object body, got '"
                    + (text.length() > 80 ? text.substring(0, 80) + "..." : text) + "'");
        }
        Long versionNumber = wholeNumber(body, "version");
        if (versionNumber != null && (versionNumber < 1 || versionNumber > Integer.MAX_VALUE)) {
            throw DashboardException.badRequest("version must be a version number (1 or more), got " + versionNumber);
        }
        Integer version = versionNumber == null ? null : versionNumber.intValue();
        Long trialId = trialId(body);
        String actor = "dashboard@" + ctx.ip();
        PromoteRequest request = new PromoteRequest(ctx.pathParam("name"), text(body, "alias"), version, trialId,
                text(body, "reason"), actor);
        ctx.json(ModelViews.promotion(data.promote(request)));
    }

    /**
     * The database id of the trial to register, or null when none is given: {@code trialId} as it is, or the trial
     * numbered {@code trialNumber} in the study whose id is {@code study}. BAD_REQUEST naming the field for a number out
     * of range, a trial number without its study or with a trialId too; NOT_FOUND for a study or trial there is not.
     */
    private Long trialId(JsonNode body) {
        Long id = wholeNumber(body, "trialId");
        Long number = wholeNumber(body, "trialNumber");
        if (number == null) {
            return id;
        }
        if (id != null) {
            throw DashboardException.badRequest("give either a trialNumber or a trialId, got trialNumber=" + number
                    + " and trialId=" + id);
        }
        if (number < 0 || number > Integer.MAX_VALUE) {
            throw DashboardException.badRequest("trialNumber must be a trial number (0 or more), got " + number);
        }
        Long study = wholeNumber(body, "study");
        if (study == null) {
            throw DashboardException.badRequest("trialNumber " + number + " needs its study: give study, the study's id");
        }
        StudySummary summary = data.study(study);
        List<FrozenTrial> found = data.trials(study, (int) (number - 1), 1).trials();
        if (found.isEmpty() || found.get(0).number() != number) {
            throw DashboardException.notFound("trialNumber " + number + ": study '" + summary.name() + "' has no trial #"
                    + number + (summary.totalTrials() == 0 ? " (it has no trials)"
                    : " (its trials are #0 to #" + (summary.totalTrials() - 1) + ")"));
        }
        return found.get(0).id();
    }

    /** A string field, or null when absent; BAD_REQUEST for any other JSON type. */
    private static String text(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw DashboardException.badRequest(field + " must be a string, got " + v);
        }
        return v.asText();
    }

    /** A whole-number field, or null when absent; BAD_REQUEST for text, booleans, fractions or huge numbers. */
    private static Long wholeNumber(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw DashboardException.badRequest(field + " must be a whole number, got " + v);
        }
        return v.asLong();
    }
}
