package io.tunelab.bench.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A profiled load in the system's headless Chromium: the profile covers the navigation to another site (the benchmark
 * opens each page from about:blank) and shows where the page's main thread spent its time.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class HeadlessChromiumProfileIT {
    private static final String CHROMIUM = System.getProperty("tunelab.chromium", "/usr/bin/chromium");
    /** A page whose script spins for 300 ms in a function of its own, then marks itself ready. */
    private static final String PAGE = """
            <!doctype html><html><body><script src="/busy.js"></script></body></html>""";
    private static final String SCRIPT = """
            function spinForAWhile() {
              const end = performance.now() + 300;
              let x = 0;
              while (performance.now() < end) x += Math.sqrt(x + 1);
              return x;
            }
            spinForAWhile();
            document.body.dataset.readyMs = String(performance.now());
            """;

    static HttpServer server;

    @BeforeAll
    static void serve() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        for (Map.Entry<String, String> file : Map.of("/page.html", PAGE, "/busy.js", SCRIPT).entrySet()) {
            server.createContext(file.getKey(), exchange -> {
                byte[] body = file.getValue().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", file.getKey().endsWith(".js") ? "text/javascript" : "text/html");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
        }
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    @Test
    void aProfiledLoadFromAboutBlankShowsThePagesBusyFunctionWithItsSelfTime() throws Exception {
        try (HeadlessChromium browser = new HeadlessChromium(CHROMIUM)) {
            browser.call("Page.navigate", Map.of("url", "about:blank"));
            JsonNode profile = browser.openAndProfile("http://127.0.0.1:" + server.getAddress().getPort() + "/page.html",
                    Duration.ofSeconds(60), 200);
            CpuProfileSummary summary = CpuProfileSummary.of(profile);
            CpuProfileSummary.Entry top = summary.topFunctions(1).get(0);
            assertThat(top.label()).startsWith("spinForAWhile busy.js:1:");
            assertThat(top.selfMs()).isBetween(100.0, 450.0);
            assertThat(summary.byScript()).containsKey("busy.js");
            assertThat(summary.busyMs()).isGreaterThanOrEqualTo(top.selfMs());
        }
    }
}
