package io.tunelab.dashboard.data;

import java.time.Instant;

/**
 * One entry of a model's audit trail: an alias moved from one version to another.
 *
 * @param model       the model's name
 * @param alias       e.g. {@code production}
 * @param fromVersion the version it pointed at before, or null if it is new
 * @param toVersion   the version it points at now, or null if the alias was removed
 * @param at          when
 * @param actor       who or which host moved it
 * @param reason      the reason given, maybe empty
 */
public record AliasMove(String model, String alias, Integer fromVersion, Integer toVersion, Instant at, String actor,
                        String reason) {
}
