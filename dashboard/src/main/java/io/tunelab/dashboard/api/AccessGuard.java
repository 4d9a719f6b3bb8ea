package io.tunelab.dashboard.api;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.tunelab.dashboard.DashboardException;
import io.tunelab.search.access.BearerToken;
import java.util.Locale;

/**
 * Guards the API. Reads are open, but for downloads of artifact files (models among them), which need
 * the token when there is one, unless the dashboard was started with public reads. Actions that change
 * state (any method but GET, HEAD, OPTIONS) must send JSON, which a cross-site form cannot, and, when the
 * server listens beyond loopback, the token as {@code Authorization: Bearer TOKEN} or
 * {@code X-Tunelab-Token: TOKEN}. On loopback, requests whose {@code Host} is not a loopback name are
 * refused (DNS rebinding). Thread-safe; immutable.
 */
public final class AccessGuard {
    private final boolean loopback;
    private final BearerToken token;
    private final boolean publicRead;

    /**
     * @param loopback   whether the server listens on a loopback address only
     * @param token      the token writes (and downloads) need, or null when none is needed
     * @param publicRead whether artifact downloads stay open although there is a token
     */
    public AccessGuard(boolean loopback, BearerToken token, boolean publicRead) {
        this.loopback = loopback;
        this.token = token;
        this.publicRead = publicRead;
    }

    public boolean tokenRequired() {
        return token != null;
    }

    /** Whether downloading an artifact file needs the token. */
    public boolean downloadTokenRequired() {
        return token != null && !publicRead;
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
        if (token != null && !presented(ctx)) {
            throw new DashboardException(DashboardException.Kind.UNAUTHORIZED, "this action needs the dashboard's "
                    + "token (header 'Authorization: Bearer TOKEN'); the token is printed when the dashboard starts");
        }
    }

    /** A before-handler for the routes that download artifact files. */
    public void checkDownload(Context ctx) {
        if (downloadTokenRequired() && !presented(ctx)) {
            throw new DashboardException(DashboardException.Kind.UNAUTHORIZED, "downloading artifacts from this "
                    + "dashboard needs its token (header 'Authorization: Bearer TOKEN'; the token is printed when the "
                    + "dashboard starts), unless it is started with --public-read");
        }
    }

    private boolean presented(Context ctx) {
        return token.presentedIn(ctx.header("Authorization"), ctx.header(BearerToken.TOKEN_HEADER));
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
