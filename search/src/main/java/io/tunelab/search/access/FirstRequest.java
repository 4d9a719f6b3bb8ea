package io.tunelab.search.access;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a just-started HTTP server (the dashboard, {@code tunelab serve}) its first request before anyone
 * else can. Javalin 6 builds its request configuration lazily, and not thread-safely, on the first request:
 * two first requests arriving together made one fail with a {@code NullPointerException} (an HTTP 500).
 * One request of our own, made before the server is announced, builds it on one thread. Stateless.
 */
public final class FirstRequest {
    private static final Logger LOG = LoggerFactory.getLogger(FirstRequest.class);
    private static final int TIMEOUT_MS = 5_000;

    private FirstRequest() {
    }

    /**
     * GETs {@code path} (encoded, with any query) from the server listening on {@code host:port} (a wildcard host is
     * reached on loopback) as a browser would, accepting a gzipped answer, and reads the answer, whatever its status;
     * a failure is logged at debug level, never thrown.
     */
    public static void send(String host, int port, String path) {
        try {
            InetAddress address = InetAddress.getByName(host);
            String reachable = address.isAnyLocalAddress() ? InetAddress.getLoopbackAddress().getHostAddress() : address.getHostAddress();
            URI server = new URI("http", null, reachable, port, null, null, null);
            HttpURLConnection c = (HttpURLConnection) URI.create(server + path).toURL().openConnection();
            c.setRequestProperty("Accept-Encoding", "gzip");
            c.setConnectTimeout(TIMEOUT_MS);
            c.setReadTimeout(TIMEOUT_MS);
            try (InputStream body = c.getResponseCode() < 400 ? c.getInputStream() : c.getErrorStream()) {
                if (body != null) {
                    body.readAllBytes();
                }
            } finally {
                c.disconnect();
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            LOG.debug("first request to {}:{}{} failed; the server's first requests may race in Javalin: {}", host, port, path,
                    e.toString());
        }
    }
}
