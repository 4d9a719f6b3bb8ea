package io.tunelab.bench.dashboard;

import io.javalin.Javalin;
import io.javalin.http.ContentType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The benchmark's in-run reference for the study page: a plain page ({@code study-reference.html} and its one script,
 * no framework) that makes the study page's first-screen requests and draws the same points (the optimisation
 * history's points and best-so-far line, the parallel coordinates' lines of the same sample) on plain canvases, then
 * marks itself ready as the study page does. The benchmark registers it on the dashboard server it measures, before
 * starting it, at {@value #PAGE} (so its requests are same-origin); the dashboard itself never serves it.
 */
final class StudyReferencePage {
    /** Where the page is served. */
    static final String PAGE = "/bench/study-reference.html";
    /** Where its script is served (the page names it). */
    static final String SCRIPT = "/bench/study-reference.js";
    /** The page's last performance mark before it is ready: once it is set, the page does nothing more. */
    static final String DRAWN = "parallel-drawn";

    private StudyReferencePage() {
    }

    /** Serves the page and its script on {@code app}, which must not be started yet. */
    static void register(Javalin app) {
        String page = resource("study-reference.html");
        String script = resource("study-reference.js");
        app.get(PAGE, ctx -> ctx.contentType(ContentType.TEXT_HTML).result(page));
        // kept by the browser as the dashboard's own pages keep their scripts (see the dashboard's VersionedAssets)
        app.get(SCRIPT, ctx -> ctx.header("Cache-Control", "public, max-age=31536000, immutable")
                .contentType(ContentType.JAVASCRIPT).result(script));
    }

    /** The reference page of study {@code studyId} on the server at {@code base} ({@code http://host:port}). */
    static String url(String base, long studyId) {
        return base + PAGE + "?id=" + studyId;
    }

    private static String resource(String name) {
        try (InputStream in = StudyReferencePage.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the bench jar lacks its resource " + name + " beside "
                        + StudyReferencePage.class.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
