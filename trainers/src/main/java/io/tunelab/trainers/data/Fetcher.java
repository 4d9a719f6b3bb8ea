package io.tunelab.trainers.data;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;

/**
 * Opens the content at a URI for download. Implementations: {@link HttpFetcher} (http, https and file
 * URIs); tests pass their own.
 */
@FunctionalInterface
public interface Fetcher {
    /**
     * Opens {@code uri}; the caller closes the stream.
     *
     * @throws IOException when the content cannot be had (no network, not found, refused)
     */
    InputStream open(URI uri) throws IOException;
}
