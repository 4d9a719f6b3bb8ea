package io.tunelab.bench.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A headless Chromium (the system's, never a downloaded one) steered over the DevTools protocol with the
 * JDK's WebSocket client: just enough to open a page and read what it reports. Not thread-safe.
 */
final class HeadlessChromium implements AutoCloseable {
    private static final Pattern ENDPOINT = Pattern.compile("DevTools listening on (ws://\\S+)");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final StringBuilder partial = new StringBuilder();

    HeadlessChromium(String binary) throws IOException, InterruptedException {
        profile = Files.createTempDirectory("tunelab-bench-chromium-");
        process = new ProcessBuilder(binary, "--headless=new", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1400,1000", "--remote-debugging-port=0",
                "--user-data-dir=" + profile, "about:blank").redirectErrorStream(true).start();
        String browserUrl = readEndpoint();
        HttpClient http = HttpClient.newHttpClient();
        URI base = URI.create(browserUrl.replace("ws://", "http://").replaceAll("/devtools/.*", ""));
        String list = http.send(HttpRequest.newBuilder(base.resolve("/json/list")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        String pageUrl = null;
        for (JsonNode target : JSON.readTree(list)) {
            if ("page".equals(target.path("type").asText())) {
                pageUrl = target.get("webSocketDebuggerUrl").asText();
            }
        }
        if (pageUrl == null) {
            throw new IOException("chromium offered no page target: " + list);
        }
        socket = http.newWebSocketBuilder().buildAsync(URI.create(pageUrl), new Listener()).join();
    }

    private String readEndpoint() throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        String line;
        while (System.nanoTime() < deadline && (line = out.readLine()) != null) {
            Matcher m = ENDPOINT.matcher(line);
            if (m.find()) {
                Thread drain = new Thread(() -> {
                    try {
                        while (out.readLine() != null) {
                            continue;
                        }
                    } catch (IOException e) {
                        return;
                    }
                }, "chromium-output");
                drain.setDaemon(true);
                drain.start();
                return m.group(1);
            }
        }
        throw new IOException("chromium did not report its DevTools endpoint within 30 s");
    }

    private final class Listener implements WebSocket.Listener {
        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    JsonNode message = JSON.readTree(partial.toString());
                    CompletableFuture<JsonNode> waiting = message.has("id") ? pending.remove(message.get("id").asInt()) : null;
                    if (waiting != null) {
                        waiting.complete(message);
                    }
                } catch (IOException e) {
                    pending.values().forEach(f -> f.completeExceptionally(e));
                }
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }
    }

    /** How long a page's requests must have been quiet for {@link #waitUntilSettled}. */
    static final long QUIET_MILLIS = 300;

    JsonNode call(String method, Map<String, Object> params) throws Exception {
        int id = ids.incrementAndGet();
        ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
        message.set("params", JSON.valueToTree(params));
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        socket.sendText(message.toString(), true).join();
        JsonNode reply = answer.get(60, TimeUnit.SECONDS);
        if (reply.has("error")) {
            throw new IOException(method + " failed: " + reply.get("error"));
        }
        return reply.get("result");
    }

    /** Evaluates a JavaScript expression in the page and returns its value as JSON. */
    JsonNode eval(String expression) throws Exception {
        return call("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true)).path("result").path("value");
    }

    /**
     * Opens {@code url} and waits (up to {@code timeout}) until the page marks itself ready; returns the
     * milliseconds from navigation start to ready, as the page measured it.
     */
    double openAndTimeReady(String url, Duration timeout) throws Exception {
        call("Page.navigate", Map.of("url", url));
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode v = eval("document.readyState !== 'loading' && location.href === " + JSON.writeValueAsString(url)
                    + " && document.body && document.body.dataset.readyMs ? Number(document.body.dataset.readyMs) : -1");
            if (v.asDouble(-1) >= 0) {
                return v.asDouble();
            }
            Thread.sleep(20);
        }
        throw new IOException(url + " did not become ready within " + timeout);
    }

    /**
     * Waits (up to {@code timeout}) until the open page has set the performance mark {@code mark} and no request of
     * it has ended for {@value #QUIET_MILLIS} ms: the page has finished the work it does after it is interactive.
     */
    void waitUntilSettled(String mark, Duration timeout) throws Exception {
        String probe = "performance.getEntriesByName(" + JSON.writeValueAsString(mark)
                + ").length ? performance.getEntriesByType('resource').length : -1";
        long deadline = System.nanoTime() + timeout.toNanos();
        int last = -1;
        long quietSince = 0;
        while (System.nanoTime() < deadline) {
            int requests = eval(probe).asInt(-1);
            if (requests < 0 || requests != last) {
                last = requests;
                quietSince = System.nanoTime();
            } else if (System.nanoTime() - quietSince >= QUIET_MILLIS * 1_000_000L) {
                return;
            }
            Thread.sleep(25);
        }
        throw new IOException("the page did not set the mark " + mark + " and go quiet within " + timeout);
    }

    /**
     * Opens {@code url} as {@link #openAndTimeReady} does with the page's main thread sampled every
     * {@code intervalMicros} µs by the DevTools protocol's profiler, from before the navigation until the page is
     * ready; returns the profile ({@code Profiler.Profile}, the JSON of a {@code .cpuprofile} file). The sampling slows
     * the page a little: do not time this load.
     */
    JsonNode openAndProfile(String url, Duration timeout, int intervalMicros) throws Exception {
        call("Profiler.enable", Map.of());
        call("Profiler.setSamplingInterval", Map.of("interval", intervalMicros));
        call("Profiler.start", Map.of());
        JsonNode profile;
        try {
            openAndTimeReady(url, timeout);
        } finally {
            profile = call("Profiler.stop", Map.of()).path("profile");
            call("Profiler.disable", Map.of());
        }
        return profile;
    }

    /** Saves a PNG of the visible page. */
    void screenshot(Path to) throws Exception {
        String data = call("Page.captureScreenshot", Map.of("format", "png")).get("data").asText();
        Files.write(to, java.util.Base64.getDecoder().decode(data));
    }

    @Override
    public void close() throws IOException {
        socket.abort();
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        deleteTree(profile);
    }

    /**
     * Deletes {@code dir} and what is in it, tolerating files that appear or vanish during the walk (Chromium's
     * helper processes can still write their state to the profile after the browser process ended): a walk
     * that meets a vanished file is repeated, up to 10 times 100 ms apart, and what is then still there is
     * left (it is a temporary directory). Never throws.
     */
    static void deleteTree(Path dir) {
        for (int attempt = 0; attempt < 10 && Files.exists(dir); attempt++) {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException | java.io.UncheckedIOException vanishedDuringTheWalk) {
                // walk again
            }
            if (Files.exists(dir)) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
