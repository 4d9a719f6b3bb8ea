package io.tunelab.dashboard.pages;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Header;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.GZIPOutputStream;

/**
 * Serves the dashboard's pages at {@code /NAME.html} ({@code /} is {@code index.html}, the studies list). Each
 * page is filled into the {@link PageShell} and gzipped once, when this is made, and then answered like the
 * static files around it: gzipped when the request accepts gzip, with a weak ETag that a matching
 * {@code If-None-Match} turns into 304, and {@code Cache-Control: max-age=0} so a new build is seen at once. The pages
 * name their own scripts and stylesheet by content ({@link VersionedAssets}: {@code /assets/HASH/NAME}, kept a year).
 *
 * <p>Immutable and thread-safe once made. A missing or malformed page file fails the constructor.
 */
public final class PageRoutes {
    /** The pages, by file name without {@code .html}. */
    static final List<String> PAGES = List.of("index", "study", "trials", "trial", "compare", "scalars", "summaries", "models");

    private final Map<String, Page> byPath = new LinkedHashMap<>();
    private final VersionedAssets assets;

    /** The pages of this module's build. */
    public PageRoutes() {
        this(PageShell.load(), VersionedAssets.fromClassPath());
    }

    PageRoutes(PageShell shell, VersionedAssets assets) {
        this.assets = assets;
        for (String name : PAGES) {
            String file = name + ".html";
            byPath.put("/" + file, new Page(assets.versioned(shell.fill(file, PageShell.resource(file)))));
        }
    }

    public void register(Javalin app) {
        byPath.forEach((path, page) -> app.get(path, page::serve));
        app.get("/", byPath.get("/index.html")::serve);
        app.get(VersionedAssets.PREFIX + "{hash}/{file}", assets::serve);
    }

    /** One filled page, plain and gzipped. */
    private static final class Page {
        private final byte[] plain;
        private final byte[] gzipped;
        private final String etag;

        Page(String html) {
            plain = html.getBytes(StandardCharsets.UTF_8);
            gzipped = gzip(plain);
            CRC32 crc = new CRC32();
            crc.update(plain);
            etag = "W/\"" + Integer.toHexString(plain.length) + "-" + Long.toHexString(crc.getValue()) + "\"";
        }

        void serve(Context ctx) {
            ctx.header(Header.CACHE_CONTROL, "max-age=0");
            if (etag.equals(ctx.header(Header.IF_NONE_MATCH))) {
                ctx.status(304);
                return;
            }
            ctx.header(Header.ETAG, etag);
            send(ctx, plain, gzipped, "text/html; charset=utf-8");
        }
    }

    /** Answers with {@code gzipped} when the request accepts gzip, else {@code plain}, with its length and type. */
    static void send(Context ctx, byte[] plain, byte[] gzipped, String contentType) {
        boolean gzip = acceptsGzip(ctx.header(Header.ACCEPT_ENCODING));
        byte[] body = gzip ? gzipped : plain;
        if (gzip) {
            ctx.header(Header.CONTENT_ENCODING, "gzip"); // Javalin compresses nothing that names its encoding
        }
        ctx.header(Header.CONTENT_LENGTH, Integer.toString(body.length));
        ctx.contentType(contentType).result(body);
    }

    /** Whether an {@code Accept-Encoding} header names gzip (its quality values are not weighed). */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String coding : acceptEncoding.split(",")) {
            if ("gzip".equalsIgnoreCase(coding.split(";", 2)[0].strip())) {
                return true;
            }
        }
        return false;
    }

    static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("gzipping a page in memory failed", e);
        }
        return out.toByteArray();
    }
}
