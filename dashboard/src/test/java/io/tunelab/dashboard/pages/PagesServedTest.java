package io.tunelab.dashboard.pages;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import io.tunelab.dashboard.server.DashboardServer;
import io.tunelab.dashboard.data.StorageDashboardData;
import io.tunelab.search.storage.InMemoryStorage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import java.util.zip.GZIPInputStream;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/** The pages as the dashboard serves them: the shell's head, each page's own title and body, gzip and ETags. */
@org.junit.jupiter.api.Timeout(value = 5, unit = java.util.concurrent.TimeUnit.MINUTES)
class PagesServedTest {
    /**
     * A page: where it is served, its title, the scripts of its own head, the script its body runs and whether it loads
     * ECharts on demand (its head names ECharts' address instead of running it).
     */
    private record Expected(String path, String title, List<String> headScripts, String bodyScript, boolean echartsOnDemand) {
        Expected(String path, String title, List<String> headScripts, String bodyScript) {
            this(path, title, headScripts, bodyScript, false);
        }
    }

    private static final List<Expected> PAGES = List.of(
            new Expected("/", "Studies", List.of(), "/studies.js"),
            new Expected("/index.html", "Studies", List.of(), "/studies.js"),
            new Expected("/study.html", "Study", List.of("/table.js", "/history-chart.js", "/parallel-chart.js", "/importance-chart.js",
                    "/study-charts.js", "/study-first.js"), "/study.js", true),
            new Expected("/trials.html", "Trials", List.of("/table.js"), "/trials.js"),
            new Expected("/trial.html", "Trial", List.of(), "/trial.js"),
            new Expected("/compare.html", "Compare", List.of(), "/compare.js"),
            new Expected("/scalars.html", "Scalars", List.of("/far-cards.js"), "/scalars.js"),
            new Expected("/summaries.html", "Summaries", List.of("/lazy-charts.js"), "/summaries.js"),
            new Expected("/models.html", "Models", List.of(), "/models.js"));

    @Test
    void everyPageIsChecked() {
        assertThat(PAGES).extracting(Expected::path).containsAll(PageRoutes.PAGES.stream().map(p -> "/" + p + ".html").toList());
    }

    @Test
    void everyPageHasTheShellsHeadWithTheEchartsVersionTheBuildResolved() {
        String echarts = "/webjars/echarts/" + webJarVersion("echarts") + "/echarts.min.js";
        withServer(client -> {
            for (Expected page : PAGES) {
                String html = unversioned(body(client.get(page.path()), page.path()));
                String head = html.substring(html.indexOf("<head>"), html.indexOf("</head>"));
                String echartsTag = page.echartsOnDemand() ? "<meta name=\"echarts-src\" content=\"" + echarts + "\">"
                        : "<script src=\"" + echarts + "\"></script>";
                assertThat(head).as(page.path()).contains("<meta charset=\"utf-8\">",
                        "<title>" + page.title() + " · Tunelab</title>", "<link rel=\"stylesheet\" href=\"/style.css\">",
                        echartsTag, "<script src=\"/common.js\"></script>");
                if (page.echartsOnDemand()) {
                    assertThat(head).as(page.path() + ": ECharts loads on demand").doesNotContain("<script src=\"" + echarts);
                }
                for (String script : page.headScripts()) {
                    assertThat(head).as(page.path()).containsOnlyOnce("<script src=\"" + script + "\"></script>");
                    assertThat(head.indexOf("<script src=\"" + script + "\">")).as(page.path() + ": " + script
                            + " runs before ECharts (the study page's first requests travel while ECharts compiles)")
                            .isBetween(head.indexOf("<script src=\"/common.js\">"), head.indexOf(echartsTag));
                }
                assertThat(html.substring(html.indexOf("</head>"))).as(page.path())
                        .contains("<body>\n<main id=\"main\"></main>\n<script src=\"" + page.bodyScript() + "\"></script>\n</body>");
                assertThat(html).as(page.path()).startsWith("<!doctype html>").containsOnlyOnce("<title>")
                        .doesNotContain("${", "{{");
            }
            try (Response script = client.get(echarts)) {
                assertThat(script.code()).as(echarts).isEqualTo(200);
            }
        });
    }

    @Test
    void everyPageCarriesItsIconInlineSoTheBrowserAsksForNoFaviconFile() {
        withServer(client -> {
            for (Expected page : PAGES) {
                String html = body(client.get(page.path()), page.path());
                String head = html.substring(html.indexOf("<head>"), html.indexOf("</head>"));
                assertThat(head).as(page.path()).containsOnlyOnce("<link rel=\"icon\" href=\"data:image/svg+xml,");
            }
        });
    }

    @Test
    void aPageIsSentGzippedWithItsLengthToAClientThatAcceptsGzip() {
        withServer(client -> {
            String plain = body(client.get("/study.html", r -> r.header("Accept-Encoding", "identity")), "plain");
            try (Response zipped = client.get("/study.html", r -> r.header("Accept-Encoding", "gzip, deflate, br"))) {
                byte[] bytes = zipped.body().bytes();
                assertThat(zipped.header("Content-Encoding")).isEqualTo("gzip");
                assertThat(zipped.header("Content-Length")).isEqualTo(Integer.toString(bytes.length));
                assertThat(zipped.header("Content-Type")).startsWith("text/html");
                assertThat(gunzip(bytes)).isEqualTo(plain);
            }
        });
    }

    @Test
    void aPageTheBrowserHoldsIsAnswered304() {
        withServer(client -> {
            String etag;
            try (Response first = client.get("/trial.html")) {
                etag = first.header("ETag");
                assertThat(first.header("Cache-Control")).isEqualTo("max-age=0");
            }
            assertThat(etag).startsWith("W/\"");
            try (Response again = client.get("/trial.html", r -> r.header("If-None-Match", etag))) {
                assertThat(again.code()).isEqualTo(304);
            }
            try (Response other = client.get("/models.html", r -> r.header("If-None-Match", etag))) {
                assertThat(other.code()).isEqualTo(200);
            }
        });
    }

    @Test
    void aPageNamesItsScriptsAndStylesheetByTheirContentAndTheBrowserKeepsThemAYear() {
        withServer(client -> {
            String html = body(client.get("/study.html"), "study");
            Matcher named = Pattern.compile("\"/assets/([0-9a-f]{8})/([a-z-]+\\.(js|css))\"").matcher(html);
            int files = 0;
            while (named.find()) {
                files++;
                String path = "/assets/" + named.group(1) + "/" + named.group(2);
                byte[] plain;
                try (Response unversioned = client.get("/" + named.group(2))) {
                    plain = unversioned.body().bytes();
                }
                try (Response versioned = client.get(path, r -> r.header("Accept-Encoding", "identity"))) {
                    assertThat(versioned.code()).as(path).isEqualTo(200);
                    assertThat(versioned.header("Cache-Control")).as(path).isEqualTo("public, max-age=31536000, immutable");
                    assertThat(versioned.header("Content-Type")).as(path)
                            .startsWith(named.group(3).equals("css") ? "text/css" : "text/javascript");
                    assertThat(versioned.body().bytes()).as(path + " is the file itself").isEqualTo(plain);
                }
                CRC32 crc = new CRC32();
                crc.update(plain);
                assertThat(named.group(1)).as(path + ": the hash is the content's").isEqualTo(String.format("%08x", crc.getValue()));
            }
            assertThat(files).as("the stylesheet, common.js, six head scripts and study.js").isEqualTo(9);
            assertThat(html).doesNotContain("src=\"/common.js\"", "href=\"/style.css\"");
        });
    }

    @Test
    void aVersionedAddressFromAnotherBuildGetsTheFileWithoutTheLongCacheAndAnUnknownFileA404() {
        withServer(client -> {
            String html = body(client.get("/trial.html"), "trial");
            String hash = html.replaceAll("(?s).*\"/assets/([0-9a-f]{8})/trial\\.js\".*", "$1");
            String other = hash.equals("00000000") ? "00000001" : "00000000";
            try (Response stale = client.get("/assets/" + other + "/trial.js")) {
                assertThat(stale.code()).isEqualTo(200);
                assertThat(stale.header("Cache-Control")).isEqualTo("max-age=0");
            }
            try (Response unknown = client.get("/assets/" + hash + "/no-such.js")) {
                assertThat(unknown.code()).isEqualTo(404);
            }
        });
    }

    @Test
    void theShellAndTheFragmentsAreNotServedAsFiles() {
        withServer(client -> {
            for (String path : List.of("/shell.html", "/pages/shell.html", "/pages/study.html", "/io/tunelab/dashboard/pages/study.html")) {
                try (Response response = client.get(path)) {
                    assertThat(response.code()).as(path).isEqualTo(404);
                }
            }
        });
    }

    private interface PageTest {
        void run(HttpClient client) throws Exception;
    }

    private static void withServer(PageTest test) {
        DashboardServer server = new DashboardServer(new StorageDashboardData(new InMemoryStorage(), 0), 0);
        try {
            JavalinTest.test(server.app(), (s, client) -> test.run(client));
        } finally {
            server.stop();
        }
    }

    private static String body(Response response, String what) throws IOException {
        try (response) {
            assertThat(response.code()).as(what).isEqualTo(200);
            assertThat(response.header("Content-Type")).as(what).startsWith("text/html");
            return response.body().string();
        }
    }

    /** The version of a WebJar on the class path, as its own Maven metadata states it. */
    private static String webJarVersion(String artifact) {
        String file = "/META-INF/maven/org.webjars/" + artifact + "/pom.properties";
        try (InputStream in = PagesServedTest.class.getResourceAsStream(file)) {
            assertThat(in).as(file).isNotNull();
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code html} with its versioned addresses ({@code /assets/HASH/NAME}) written as the plain ones ({@code /NAME}). */
    private static String unversioned(String html) {
        return html.replaceAll("/assets/[0-9a-f]{8}/", "/");
    }

    private static String gunzip(byte[] bytes) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
