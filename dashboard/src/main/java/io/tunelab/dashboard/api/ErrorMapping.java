package io.tunelab.dashboard.api;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.tunelab.dashboard.DashboardException;
import io.tunelab.search.SearchException;
import io.tunelab.search.storage.StorageException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one table from error kinds to HTTP status, and the JSON error body {@code {"status", "error",
 * "message"}} every failed API call answers with. Unexpected exceptions become 500 with a generic
 * message (details go to the log, not to the client). An unreachable database (the tracker's UNAVAILABLE, after its
 * outage tolerance of a few seconds) answers 503 with {@code "retrying": true}, a message ending in "; retrying" and
 * {@code Retry-After}: the pages show it as a banner and keep asking. A busy database (it answers, but every pooled
 * connection stayed in use for the tracker's longer busy wait: {@link StorageException#busy()}) is not reported as
 * unreachable: 503 {@code "BUSY"} with {@code Retry-After}, shown as the call's error, without the banner.
 */
public final class ErrorMapping {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapping.class);

    /** Error kind → HTTP status. Kinds of the tracker's exceptions join this table when they exist. */
    static final Map<Enum<?>, Integer> STATUS = Map.ofEntries(
            Map.entry(StorageException.Kind.NOT_FOUND, 404),
            Map.entry(StorageException.Kind.CONFLICT, 409),
            Map.entry(StorageException.Kind.INVALID, 400),
            Map.entry(StorageException.Kind.UNAVAILABLE, 503),
            Map.entry(DashboardException.Kind.NOT_FOUND, 404),
            Map.entry(DashboardException.Kind.BAD_REQUEST, 400),
            Map.entry(DashboardException.Kind.TOO_LARGE, 413),
            Map.entry(DashboardException.Kind.CONFLICT, 409),
            Map.entry(DashboardException.Kind.NOT_CONFIGURED, 501),
            Map.entry(DashboardException.Kind.UNAUTHORIZED, 401),
            Map.entry(DashboardException.Kind.FORBIDDEN, 403),
            Map.entry(DashboardException.Kind.UNAVAILABLE, 503));

    private ErrorMapping() {
    }

    /** Installs the exception handlers and the JSON 404 for unknown API paths. */
    public static void install(Javalin app) {
        app.exception(Exception.class, (e, ctx) -> answer(ctx, e));
        // Javalin answers its own HTTP errors (e.g. 413 for a body over the size limit) in plain text otherwise.
        app.exception(HttpResponseException.class, (e, ctx) -> answer(ctx, e));
        app.error(404, ctx -> {
            if (ctx.path().startsWith("/api/") && !"application/json".equals(ctx.res().getContentType())) {
                ctx.json(body(404, "NOT_FOUND", "no API endpoint " + ctx.method() + " " + ctx.path()));
            }
        });
    }

    /** The status and kind name for an exception. */
    static Map.Entry<Integer, String> classify(Throwable e) {
        if (e instanceof DashboardException d) {
            return Map.entry(STATUS.get(d.kind()), d.kind().name());
        }
        if (e instanceof StorageException s) {
            return Map.entry(STATUS.get(s.kind()), s.kind().name());
        }
        if (e instanceof SearchException) {
            return Map.entry(400, "INVALID");
        }
        if (e instanceof HttpResponseException h) {
            return Map.entry(h.getStatus(), "HTTP_" + h.getStatus());
        }
        return Map.entry(500, "INTERNAL");
    }

    /** Seconds a client is asked to wait before asking again while the database is unreachable. */
    static final int RETRY_AFTER_SECONDS = 5;

    private static void answer(Context ctx, Exception e) {
        Map.Entry<Integer, String> c = classify(e);
        String message = e.getMessage();
        if (c.getKey() == 500) {
            LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
            message = "internal error (" + e.getClass().getSimpleName() + "); see the dashboard's log";
        }
        Map<String, Object> body = body(c.getKey(), c.getValue(), message);
        if (e instanceof StorageException s && s.busy()) {
            LOG.debug("{} {}: {}", ctx.method(), ctx.path(), message);
            body.put("error", "BUSY");
            body.put("message", (message == null ? "database busy" : message) + "; try again shortly");
            ctx.header("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
        } else if (e instanceof StorageException s && s.kind() == StorageException.Kind.UNAVAILABLE) {
            LOG.debug("{} {}: {}", ctx.method(), ctx.path(), message);
            body.put("message", (message == null ? "database unreachable" : message) + "; retrying");
            body.put("retrying", true);
            ctx.header("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
        }
        ctx.status(c.getKey()).json(body);
    }

    static Map<String, Object> body(int status, String kind, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("error", kind);
        body.put("message", message == null ? "" : message);
        return body;
    }
}
