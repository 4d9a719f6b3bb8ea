package io.tunelab.dashboard.pages;

import io.javalin.http.Context;
import io.javalin.http.Header;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * The pages' own scripts and stylesheet at addresses that name their content, {@code /assets/HASH/NAME}, so that a
 * browser keeps them for a year ({@code Cache-Control: max-age=31536000, immutable}) and a page opened again asks for
 * none of them (before, each was revalidated: nine requests answered 304 before the study page's scripts could run).
 * A new build changes a file's hash in the pages, which are themselves revalidated at each load, so it is seen at once.
 *
 * <p>{@link #versioned} rewrites a page's {@code src="/NAME.js"} and {@code href="/NAME.css"} attributes and reads each
 * file it names once; {@link #serve} answers {@code /assets/{hash}/{file}}: the file with the year-long cache when the hash
 * is its content's, the same file with {@code max-age=0} when the hash is another's (a page from an older build), 404
 * for a file no page names. The files keep their plain addresses too (Javalin's static files). A page naming a missing
 * file is a broken build: {@link IllegalStateException} naming it.
 *
 * <p>Thread-safe: pages are versioned while {@link PageRoutes} is made, files are served after.
 */
final class VersionedAssets {
    /** Where versioned files are served: {@code PREFIX + hash + "/" + name}. */
    static final String PREFIX = "/assets/";
    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    private static final Pattern LOCAL = Pattern.compile("(src|href)=\"/([A-Za-z0-9_-]+\\.(js|css))\"");

    private final Function<String, byte[]> files;
    private final Map<String, Asset> byName = new ConcurrentHashMap<>();

    /** One file: its content hash, its bytes plain and gzipped, and its content type. */
    private record Asset(String hash, byte[] plain, byte[] gzipped, String contentType) {
    }

    /** @param files a web file's bytes by name ({@code common.js}), or null when there is no such file */
    VersionedAssets(Function<String, byte[]> files) {
        this.files = files;
    }

    /** The web files of this module's build, from the class path. */
    static VersionedAssets fromClassPath() {
        return new VersionedAssets(name -> {
            try (var in = VersionedAssets.class.getResourceAsStream("/io/tunelab/dashboard/web/" + name)) {
                return in == null ? null : in.readAllBytes();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("reading web file " + name + " failed", e);
            }
        });
    }

    /** {@code html} with each local script and stylesheet address replaced by its versioned one. */
    String versioned(String html) {
        return LOCAL.matcher(html).replaceAll(m -> {
            Asset asset = byName.computeIfAbsent(m.group(2), this::read);
            return Matcher.quoteReplacement(m.group(1) + "=\"" + PREFIX + asset.hash() + "/" + m.group(2) + "\"");
        });
    }

    private Asset read(String name) {
        byte[] plain = files.apply(name);
        if (plain == null) {
            throw new IllegalStateException("a page names /" + name + ", which is not among the dashboard's web files");
        }
        CRC32 crc = new CRC32();
        crc.update(plain);
        String type = name.endsWith(".css") ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8";
        return new Asset(String.format("%08x", crc.getValue()), plain, PageRoutes.gzip(plain), type);
    }

    /** Answers {@code /assets/{hash}/{file}} (see the class comment). */
    void serve(Context ctx) {
        Asset asset = byName.get(ctx.pathParam("file"));
        if (asset == null) {
            ctx.status(404).contentType("text/plain; charset=utf-8")
                    .result(("no versioned file " + ctx.path()).getBytes(StandardCharsets.UTF_8));
            return;
        }
        ctx.header(Header.CACHE_CONTROL, asset.hash().equals(ctx.pathParam("hash")) ? IMMUTABLE : "max-age=0");
        PageRoutes.send(ctx, asset.plain(), asset.gzipped(), asset.contentType());
    }
}
