package io.tunelab.serving;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.UnauthorizedResponse;
import io.tunelab.search.access.BearerToken;
import io.tunelab.search.access.FirstRequest;
import io.tunelab.trainers.predict.InputSchema;
import io.tunelab.trainers.predict.Prediction;
import java.io.IOException;
import java.io.InputStream;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server of {@code tunelab serve}: {@code POST /predict} answers with the model version the alias points
 * at (also in the {@code X-Model-Version} header); {@code POST /invocations} is MLflow's scoring endpoint (its
 * JSON forms, {@link MlflowPayload}, or {@code text/csv}, answered {@code {"predictions": [...]}}); columns a
 * model of named features does not take (a test file's target) are ignored, as MLflow does, and named in the
 * {@code X-Ignored-Columns} header ({@link UnknownFields}); {@code GET
 * /metadata} describes the version, its inputs and outputs ({@link ModelMetadata}); {@code GET /health} (also
 * {@code /ping}) says which version is live. When the alias can no longer be followed (deleted, or its new version
 * does not load), {@code /health} still answers 200, since the server still predicts, but with {@code "status":
 * "degraded"} and the {@code problem}: taking every replica out of a load balancer for a registry slip would turn
 * it into an outage; monitors alert on the status. The alias is polled; when it moves, the new version is loaded
 * and swapped in without a restart and without failing requests in flight. Bad input gets a 400 with a JSON
 * message; a failure of the server itself a 500 that only says {@code "internal error"} with an {@code error_id}
 * naming the log line that holds the details. Who may predict is {@link PredictAccess}'s decision: beyond
 * loopback, only requests with the {@link #token()}.
 */
public final class PredictionServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PredictionServer.class);
    static final String VERSION_HEADER = "X-Model-Version";
    /** Lists, comma-separated, the fields of named instances the model does not take, which were ignored. */
    static final String IGNORED_HEADER = "X-Ignored-Columns";

    private final ModelResolver resolver;
    private final ObjectReader json = new ObjectMapper().reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private final HotSwappingModel model;
    private final Options options;
    private final PredictAccess access;
    private BearerToken token;
    private final ScheduledExecutorService poller;
    private Javalin app;

    /**
     * @param maxBodyBytes   larger bodies are refused with 400
     * @param maxInstances   most instances in one request
     * @param pollInterval   how often the alias is checked
     * @param mcSamples      stochastic passes averaged per answer (Monte Carlo dropout), 1 for one
     *                       deterministic pass; answers then carry their {@code spread}
     */
    public record Options(long maxBodyBytes, int maxInstances, Duration pollInterval, int mcSamples) {
        public Options {
            if (mcSamples < 1) {
                throw new IllegalArgumentException("Monte Carlo samples must be at least 1, got " + mcSamples);
            }
        }

        /** One deterministic pass per answer. */
        public Options(long maxBodyBytes, int maxInstances, Duration pollInterval) {
            this(maxBodyBytes, maxInstances, pollInterval, 1);
        }

        public static Options defaults() {
            return new Options(8L * 1024 * 1024, 1024, Duration.ofSeconds(2));
        }
    }

    /** A server with {@link PredictAccess#defaults()}: tokenless on loopback, a random token beyond it. */
    public PredictionServer(ModelResolver resolver, Options options) {
        this(resolver, options, PredictAccess.defaults());
    }

    private volatile String lastRefreshFailure;
    /** Why the last poll could not follow the alias (it was deleted, its version does not load), or null. */
    private volatile String degraded;

    public PredictionServer(ModelResolver resolver, Options options, PredictAccess access) {
        this.resolver = resolver;
        this.model = new HotSwappingModel(resolver);
        this.options = options;
        this.access = access;
        this.poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tunelab-serve-alias-poller");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Starts listening on {@code host:port} (port 0 picks a free one) and polling the alias.
     *
     * @throws IllegalArgumentException when {@code mcSamples} asks for several passes of a model that has none to sample
     */
    public PredictionServer start(String host, int port) {
        if (options.mcSamples() > 1 && !samples()) {
            ModelRef ref = model.version();
            throw new IllegalArgumentException("--mc-samples " + options.mcSamples() + ": " + ref.model() + " v" + ref.version()
                    + " is not a network with dropout to sample; serve it without --mc-samples");
        }
        token = access.tokenFor(host, new SecureRandom());
        app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.http.maxRequestSize = options.maxBodyBytes();
        });
        app.get("/health", this::health);
        app.get("/ping", this::health);
        app.get("/metadata", this::metadata);
        app.get("/version", this::metadata);
        if (token != null) {
            app.before("/predict", this::authorize);
            app.before("/invocations", this::authorize);
        }
        app.post("/predict", this::predict);
        app.post("/invocations", this::invocations);
        app.exception(BadInputException.class, (e, ctx) -> error(ctx, 400, e.getMessage()));
        app.exception(BodyTooLargeException.class, (e, ctx) -> error(ctx, 413, e.getMessage()));
        app.exception(HttpResponseException.class, (e, ctx) -> error(ctx, e.getStatus(), e.getStatus() == 413
                ? "the body is larger than " + options.maxBodyBytes() + " bytes" : e.getMessage()));
        for (String method : List.of("GET", "PUT", "DELETE", "PATCH")) {
            for (String path : List.of("/predict", "/invocations")) {
                app.addHttpHandler(io.javalin.http.HandlerType.valueOf(method), path, ctx -> {
                    ctx.header("Allow", "POST");
                    error(ctx, 405, method + " " + path + " is not answered: send the instances with POST " + path);
                });
            }
        }
        app.exception(Exception.class, this::internalError);
        app.error(404, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty()) {
                error(ctx, 404, "no such endpoint: " + ctx.method() + " " + ctx.path()
                        + " (try POST /predict, POST /invocations, GET /metadata or GET /health)");
            }
        });
        app.start(host, port);
        FirstRequest.send(host, app.port(), "/health");
        long every = options.pollInterval().toMillis();
        poller.scheduleWithFixedDelay(this::refreshQuietly, every, every, TimeUnit.MILLISECONDS);
        return this;
    }

    public int port() {
        return app.port();
    }

    /** The token {@code POST /predict} asks for (after {@link #start}), or null when it asks for none. */
    public String token() {
        return token == null ? null : token.value();
    }

    private void authorize(Context ctx) {
        if (!token.presentedIn(ctx.header("Authorization"), ctx.header(BearerToken.TOKEN_HEADER))) {
            ctx.header("WWW-Authenticate", "Bearer");
            throw new UnauthorizedResponse("POST /predict needs this server's token as 'Authorization: Bearer TOKEN'; "
                    + access.whereTheTokenIs());
        }
    }

    /** Logs the failure under a new error id and answers with the id only: messages may hold paths or secrets. */
    private void internalError(Exception e, Context ctx) {
        String id = UUID.randomUUID().toString();
        LOG.error("{} {} failed (error id {})", ctx.method(), ctx.path(), id, e);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", "internal error");
        body.put("error_id", id);
        body.put("status", 500);
        ctx.status(500).json(body);
    }

    /** Checks the alias now; returns whether a new version was swapped in. */
    public boolean refresh() {
        return model.refresh();
    }

    /** Whether the current version can sample several stochastic passes. */
    public boolean samples() {
        return model.use(loaded -> loaded.predictor.samples());
    }

    /** Polls the alias; a version that cannot be loaded is logged once, not at every poll. */
    private void refreshQuietly() {
        try {
            model.refresh();
            lastRefreshFailure = null;
            degraded = null;
        } catch (RuntimeException e) {
            if (!String.valueOf(e.getMessage()).equals(lastRefreshFailure)) {
                LOG.warn("Could not switch to the alias's new version; still serving {}: {}", model.version(), e.getMessage());
            }
            lastRefreshFailure = String.valueOf(e.getMessage());
            degraded = lastRefreshFailure;
        }
    }

    private void health(Context ctx) {
        ModelRef ref = model.version();
        Map<String, Object> body = new LinkedHashMap<>();
        String problem = degraded;
        body.put("status", problem == null ? "ok" : "degraded");
        body.put("model", ref.model());
        body.put("version", ref.version());
        body.put("alias", resolver.alias());
        if (problem != null) {
            body.put("problem", problem + "; still serving " + ref);
        }
        ctx.header(VERSION_HEADER, String.valueOf(ref.version()));
        ctx.json(body);
    }

    private void metadata(Context ctx) {
        Map<String, Object> body = model.use(loaded -> ModelMetadata.of(loaded.ref, resolver.alias(),
                loaded.predictor.schema(), loaded.predictor.output()));
        ctx.header(VERSION_HEADER, String.valueOf(body.get("version")));
        ctx.json(body);
    }

    /**
     * MLflow's scoring endpoint: a JSON body of {@link MlflowPayload}'s forms, or a {@code text/csv} table
     * ({@link CsvInstances}); answers {@code {"predictions": [...]}}, one class label or value per instance. A series
     * model given rows of its training file's layout, in either form, forecasts from the last window, or from every
     * window with {@code "params": {"windows": "all"}} or {@code ?windows=all} ({@link Windows}).
     */
    private void invocations(Context ctx) {
        String type = String.valueOf(ctx.contentType()).toLowerCase(java.util.Locale.ROOT);
        boolean csv = type.startsWith("text/csv");
        if (ctx.contentType() != null && !csv && !type.startsWith("application/json")) {
            error(ctx, 415, "Content-Type " + ctx.contentType() + " is not answered: send application/json or text/csv");
            return;
        }
        byte[] bytes = checkedBody(ctx);
        JsonNode body = csv ? null : parseJson(bytes);
        Windows windows = windows(ctx.queryParam("windows"), MlflowPayload.windows(body));
        Map<String, Object> answer = model.use(loaded -> {
            InputSchema schema = loaded.predictor.schema();
            boolean all = windows != null && windows.all();
            Instances in;
            boolean series;
            if (csv) {
                CsvInstances table = csvBody(bytes);
                series = table.isSeries(schema);
                in = table.instances(schema, java.util.Set.of(), all);
            } else {
                // a series' rows are time steps, not instances: its windows are counted below, as a CSV's are
                in = MlflowPayload.read(body, schema.series() != null ? Integer.MAX_VALUE : options.maxInstances());
                series = SeriesWindows.applies(in, schema);
                in = series ? SeriesWindows.of(in, schema, all) : in;
            }
            if (windows != null) {
                String query = ctx.queryParam("windows");
                Windows.checkApplies(query != null ? "?windows=" + query : "params.windows", loaded.ref.toString(), schema,
                        loaded.predictor.output(), series);
            }
            InstanceParser parser = new InstanceParser(schema, options.maxInstances());
            float[][] rows = parser.parse(in.array(), in.names());
            List<Object> predictions = new ArrayList<>();
            for (Prediction p : predict(loaded, rows)) {
                predictions.add(p.output());
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("predictions", predictions);
            out.put("version", loaded.ref.version());
            out.put(IGNORED_HEADER, parser.ignored());
            return out;
        });
        ctx.header(VERSION_HEADER, String.valueOf(answer.remove("version")));
        ignoredHeader(ctx, answer.remove(IGNORED_HEADER));
        ctx.json(answer);
    }

    private static CsvInstances csvBody(byte[] bytes) {
        try {
            return CsvInstances.read(new java.io.StringReader(new String(bytes, java.nio.charset.StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new BadInputException("the body could not be read: " + e.getMessage());
        }
    }

    /** The windows a request asks for by {@code ?windows=} or its JSON {@code params}, or null; both must agree. */
    private static Windows windows(String query, Windows params) {
        Windows asked = query == null ? null : Windows.parse("?windows=", query);
        if (asked != null && params != null && asked != params) {
            throw new BadInputException("?windows=" + query + " and params.windows ask for different windows: give one");
        }
        return asked != null ? asked : params;
    }

    private List<Prediction> predict(LoadedModel loaded, float[][] rows) {
        if (options.mcSamples() > 1 && !loaded.predictor.samples()) {
            throw new BadInputException("model " + loaded.ref.model() + " v" + loaded.ref.version() + " has no dropout"
                    + " to sample: serve it without --mc-samples");
        }
        return loaded.predictor.predict(rows, options.mcSamples());
    }

    /** The body, refused with a 413 beyond the size limit. */
    private byte[] checkedBody(Context ctx) {
        long length = ctx.contentLength();
        if (length > options.maxBodyBytes()) {
            throw new BodyTooLargeException("the body is " + length + " bytes; at most " + options.maxBodyBytes() + " allowed");
        }
        try {
            return boundedBody(ctx);
        } catch (IOException e) {
            throw new BadInputException("the body could not be read: " + e.getMessage());
        }
    }

    private JsonNode parseJson(byte[] bytes) {
        try {
            return json.readTree(bytes);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr();
            String what = e.getOriginalMessage().lines().findFirst().orElse("").replaceAll("\\s*\\[Source: .*$", "");
            throw new BadInputException("the body is not valid JSON" + where + ": " + what);
        } catch (IOException e) {
            throw new BadInputException("the body could not be read: " + e.getMessage());
        }
    }

    private void predict(Context ctx) {
        JsonNode body = parseJson(checkedBody(ctx));
        Map<String, Object> answer = model.use(loaded -> {
            InstanceParser parser = new InstanceParser(loaded.predictor.schema(), options.maxInstances());
            float[][] rows = parser.parse(body);
            List<Prediction> predictions = predict(loaded, rows);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("model", loaded.ref.model());
            out.put("version", loaded.ref.version());
            out.put(IGNORED_HEADER, parser.ignored());
            List<Map<String, Object>> items = new ArrayList<>();
            for (Prediction p : predictions) {
                Map<String, Object> item = new LinkedHashMap<>();
                if ((p.output() instanceof Number || p.output() instanceof List) && p.probabilities().isEmpty()) {
                    item.put("value", p.output());
                } else {
                    item.put("class", p.output());
                    if (!p.probabilities().isEmpty()) {
                        item.put("probabilities", new java.util.TreeMap<>(p.probabilities()));
                    }
                }
                if (p.spread() != null) {
                    item.put("spread", p.spread() instanceof Map<?, ?> m ? new java.util.TreeMap<>(m) : p.spread());
                }
                items.add(item);
            }
            out.put("predictions", items);
            return out;
        });
        ctx.header(VERSION_HEADER, String.valueOf(answer.get("version")));
        ignoredHeader(ctx, answer.remove(IGNORED_HEADER));
        ctx.json(answer);
    }

    /** Names the instances' fields the model does not take, which were ignored, in {@value #IGNORED_HEADER}. */
    private static void ignoredHeader(Context ctx, Object ignored) {
        if (ignored instanceof java.util.Collection<?> names && !names.isEmpty()) {
            ctx.header(IGNORED_HEADER, names.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(",")));
        }
    }

    /** The body, read up to the limit, so that a body without a declared length cannot exceed it either. */
    private byte[] boundedBody(Context ctx) throws IOException {
        long max = options.maxBodyBytes();
        try (InputStream in = ctx.bodyInputStream()) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
            if (bytes.length > max) {
                throw new BodyTooLargeException("the body is larger than " + max + " bytes");
            }
            return bytes;
        }
    }

    private static void error(Context ctx, int status, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", message);
        body.put("status", status);
        ctx.status(status).json(body);
    }

    @Override
    public void close() {
        poller.shutdownNow();
        if (app != null) {
            app.stop();
        }
        model.close();
    }
}
