package io.tunelab.dashboard.data;

import io.tunelab.dashboard.DashboardException;

/**
 * Asks to point an alias of a model at a version: an existing one ({@code version}) or one created now
 * from a trial ({@code trialId}); exactly one of the two is given.
 *
 * @param model   the model's name (created if it does not exist and a trial is given)
 * @param alias   e.g. {@code production}
 * @param version an existing version, or null
 * @param trialId a trial to register as a new version, or null
 * @param reason  why, for the audit trail (maybe empty)
 * @param actor   who asks (user or host), for the audit trail
 */
public record PromoteRequest(String model, String alias, Integer version, Long trialId, String reason,
                             String actor) {
    public PromoteRequest {
        if (model == null || model.isBlank()) {
            throw DashboardException.badRequest("promote needs a model name, got '" + model + "'");
        }
        if (alias == null || !alias.matches("[A-Za-z0-9_.-]{1,64}")) {
            throw DashboardException.badRequest("alias must be 1 to 64 letters, digits, '_', '.' or '-', got '"
                    + alias + "'");
        }
        if ((version == null) == (trialId == null)) {
            throw DashboardException.badRequest("give either a version or a trialId to promote, got version="
                    + version + " and trialId=" + trialId);
        }
        reason = reason == null ? "" : reason;
        actor = actor == null ? "" : actor;
    }
}
