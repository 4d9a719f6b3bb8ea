package io.tunelab.dashboard.server;

import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.tunelab.dashboard.DashboardException;
import io.tunelab.dashboard.api.AccessGuard;
import io.tunelab.dashboard.api.ApiRoutes;
import io.tunelab.dashboard.api.Json;
import io.tunelab.dashboard.data.DashboardData;
import io.tunelab.dashboard.live.LiveEvents;
import io.tunelab.dashboard.pages.PageRoutes;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import io.tunelab.search.SearchException;
import io.tunelab.search.access.BearerToken;
import io.tunelab.search.access.BindAddress;
import io.tunelab.search.access.FirstRequest;
import java.security.SecureRandom;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dashboard web server: the JSON API under {@code /api}, live updates by Server-Sent Events, and the
 * pages ({@link PageRoutes}), their scripts and ECharts served from the jar (nothing from a CDN). The composition
 * root builds it with a {@link DashboardData}, a host and a port, then calls {@link #start()} and later {@link #stop()}.
 *
 * <p>It binds to {@code 127.0.0.1} unless told otherwise. Bound to any other address, actions that
 * change state need {@link #token()} (a random one is made if none is given), and so do downloads of
 * artifact files unless the server is made with public reads; other reads stay open.
 * Not thread-safe for start/stop; request handling is.
 */
public final class DashboardServer {
    /** The default address: loopback only. */
    public static final String DEFAULT_HOST = "127.0.0.1";
    private static final Logger LOG = LoggerFactory.getLogger(DashboardServer.class);

    private final String host;
    private final int requestedPort;
    private final BearerToken token;
    private final LiveEvents events;
    private final ApiRoutes routes;
    private final Javalin app;
    private final CompletableFuture<Void> warm = new CompletableFuture<>();

    /** A server on {@code 127.0.0.1:port} (0 picks a free port). */
    public DashboardServer(DashboardData data, int port) {
        this(data, DEFAULT_HOST, port, null);
    }

    /**
     * @param data  what to show
     * @param host  address to bind, e.g. {@code 127.0.0.1} or {@code 0.0.0.0}
     * @param port  port, or 0 for a free one
     * @param token the token for state-changing actions when {@code host} is not loopback; null to have
     *              one generated (ignored on loopback)
     */
    public DashboardServer(DashboardData data, String host, int port, String token) {
        this(data, host, port, token, false);
    }

    /**
     * @param publicRead whether artifact downloads stay open to anyone off loopback (otherwise they need the
     *                   token, as actions do)
     * @see #DashboardServer(DashboardData, String, int, String)
     */
    public DashboardServer(DashboardData data, String host, int port, String token, boolean publicRead) {
        Objects.requireNonNull(data, "data");
        this.host = Objects.requireNonNull(host, "host");
        this.requestedPort = port;
        boolean loopback = isLoopback(host);
        this.token = loopback ? null
                : (token == null || token.isBlank() ? BearerToken.random(new SecureRandom()) : new BearerToken(token));
        this.events = new LiveEvents(data, 500);
        AccessGuard guard = new AccessGuard(loopback, this.token, publicRead);
        this.app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.jetty.defaultHost = host;
            config.jsonMapper(new JavalinJackson(Json.mapper(), false));
            // Level 1: a trial page of 1.2 MB compresses several times faster, for a few percent more bytes.
            config.http.gzipOnlyCompression(1);
            // The pages' scripts and styles; the pages themselves are PageRoutes'.
            config.staticFiles.add(files -> {
                files.hostedPath = "/";
                files.directory = "/io/tunelab/dashboard/web";
                files.location = Location.CLASSPATH;
                files.precompress = true;
            });
            // ECharts from its WebJar (versioned paths, so browsers may keep it a year), compressed once.
            config.staticFiles.add(files -> {
                files.hostedPath = "/webjars";
                files.directory = "/META-INF/resources/webjars";
                files.location = Location.CLASSPATH;
                files.precompress = true;
                files.headers = java.util.Map.of("Cache-Control", "max-age=31622400");
            });
        });
        app.before("/api/*", guard::check);
        routes = new ApiRoutes(data, guard);
        routes.register(app);
        events.register(app);
        new PageRoutes().register(app);
    }

    /** The configured application, not yet started (for Javalin's test tools). */
    public Javalin app() {
        return app;
    }

    /**
     * Starts listening, and warms caches up on a background thread (every study's trials, trial pages,
     * parameter importance, long series: what a first visit asks for), then sends itself the requests of a first visit
     * of each study page ({@link ApiRoutes#firstVisitRequests}), then collects the whole heap once, so that what it
     * cached is not copied by young collections during the first visits ({@link System#gc()}; a JVM started with
     * {@code -XX:+DisableExplicitGC} skips it); returns this.
     */
    public DashboardServer start() {
        app.start(host, requestedPort);
        FirstRequest.send(host, app.port(), "/api/first-request"); // a 404: only builds Javalin's lazy configuration
        Thread warmUp = new Thread(() -> {
            try {
                routes.warmUp();
                routes.firstVisitRequests().forEach(path -> FirstRequest.send(host, app.port(), path));
                // What the warm-up cached is still in the young generation, and the first young collections after it
                // would copy it: pauses of 0.4-1.1 s during the first page loads at 100,000 trials. One full collection
                // now, before the address is printed, moves it at once (about 1 s there, milliseconds for small studies).
                System.gc();
            } catch (RuntimeException e) {
                LOG.warn("warming the dashboard's caches up failed: {}", e.toString());
            } finally {
                warm.complete(null);
            }
        }, "tunelab-dashboard-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
        return this;
    }

    /** Waits up to {@code timeout} for the warm-up {@link #start()} began; returns whether it is over. */
    public boolean awaitWarmUp(Duration timeout) throws InterruptedException {
        try {
            warm.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return true;
        }
    }

    /** Stops listening and ends every event stream. */
    public void stop() {
        events.close();
        app.stop();
    }

    /** The port listened on (after {@link #start()}). */
    public int port() {
        return app.port();
    }

    public String host() {
        return host;
    }

    /** The token state-changing actions need, or null on loopback where none is needed. */
    public String token() {
        return token == null ? null : token.value();
    }

    /** The address to open in a browser. */
    public String url() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        return "http://" + ("0.0.0.0".equals(host) ? "127.0.0.1" : h) + ":" + port() + "/";
    }

    static boolean isLoopback(String host) {
        try {
            return BindAddress.isLoopback(host);
        } catch (SearchException e) {
            throw new DashboardException(DashboardException.Kind.BAD_REQUEST, "dashboard " + e.getMessage(), e);
        }
    }
}
