package io.tunelab.dashboard.api;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.tunelab.dashboard.DashboardException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;

/**
 * Guards the API. Reads are open. Actions that change state (any method but GET, HEAD, OPTIONS) must
 * send JSON, which a cross-site form cannot, and, when the server listens beyond loopback, the token as
 * {@code Authorization: Bearer TOKEN} or {@code X-Tunelab-Token: TOKEN}. On loopback, requests whose
 * {@code Host} is not a loopback name are refused (DNS rebinding). Thread-safe; immutable.
 */
public final class AccessGuard {
    private final boolean loopback;
    private final String token;

    /**
     * @param loopback whether the server listens on a loopback address only
     * @param token    the token writes need, or null when none is needed
     */
    public AccessGuard(boolean loopback, String token) {
        this.loopback = loopback;
        this.token = token;
    }

    public boolean tokenRequired() {
        return token != null;
    }

    /** A before-handler for {@code /api/*}. */
    public void check(Context ctx) {
        if (loopback && !isLoopbackHost(ctx.host())) {
            throw new DashboardException(DashboardException.Kind.FORBIDDEN, "this dashboard listens on loopback "
                    + "and only answers requests addressed to localhost, got Host '" + ctx.host() + "'");
        }
        HandlerType method = ctx.method();
        if (method == HandlerType.GET || method == HandlerType.HEAD || method == HandlerType.OPTIONS) {
            return;
        }
        String type = ctx.contentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw new DashboardException(DashboardException.Kind.FORBIDDEN,
                    "actions must send Content-Type application/json, got '" + type + "'");
        }
        if (token != null && !matches(presented(ctx))) {
            throw new DashboardException(DashboardException.Kind.UNAUTHORIZED, "this action needs the dashboard's "
                    + "token (header 'Authorization: Bearer TOKEN'); the token is printed when the dashboard starts");
        }
    }

    private static String presented(Context ctx) {
        String auth = ctx.header("Authorization");
        if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return auth.substring(7).trim();
        }
        return ctx.header("X-Tunelab-Token");
    }

    private boolean matches(String given) {
        return given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8));
    }

    static boolean isLoopbackHost(String hostHeader) {
        if (hostHeader == null) {
            return false;
        }
        String host = hostHeader.toLowerCase(Locale.ROOT);
        if (host.startsWith("[")) {
            return host.startsWith("[::1]");
        }
        int colon = host.indexOf(':');
        String name = colon < 0 ? host : host.substring(0, colon);
        return name.equals("localhost") || name.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    }
}
