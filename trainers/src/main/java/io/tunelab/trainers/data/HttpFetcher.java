package io.tunelab.trainers.data;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Fetches {@code http}/{@code https} URIs with {@link HttpClient} (following redirects, with connect and
 * request timeouts) and {@code file} URIs from the local file system (a mirror on a shared disk).
 * Thread-safe.
 */
public final class HttpFetcher implements Fetcher {
    private final HttpClient client;
    private final Duration requestTimeout;

    /** Connects within {@code connectTimeout}; a whole request may take {@code requestTimeout} until headers. */
    public HttpFetcher(Duration connectTimeout, Duration requestTimeout) {
        this.client = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        this.requestTimeout = requestTimeout;
    }

    /** Ten seconds to connect, two minutes until the response starts. */
    public HttpFetcher() {
        this(Duration.ofSeconds(10), Duration.ofMinutes(2));
    }

    @Override
    public InputStream open(URI uri) throws IOException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (scheme.equals("file")) {
            return Files.newInputStream(Path.of(uri));
        }
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IOException("cannot download " + uri + ": only http, https and file URIs are supported");
        }
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(requestTimeout).GET().build();
        HttpResponse<InputStream> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while downloading " + uri, e);
        }
        if (response.statusCode() != 200) {
            response.body().close();
            throw new IOException("server answered HTTP " + response.statusCode() + " for " + uri);
        }
        return response.body();
    }
}
