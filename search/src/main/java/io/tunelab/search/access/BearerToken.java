package io.tunelab.search.access;

import io.tunelab.search.SearchException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A secret a client presents as {@code Authorization: Bearer TOKEN} or {@code X-Tunelab-Token: TOKEN}.
 * Compared in constant time; {@link #toString()} never shows it. Immutable, thread-safe.
 */
public final class BearerToken {
    /** The header a client may send the token in instead of {@code Authorization}. */
    public static final String TOKEN_HEADER = "X-Tunelab-Token";
    private static final int RANDOM_BYTES = 24;

    private final String value;

    /** A token with this value; a SearchException when it is blank. */
    public BearerToken(String value) {
        if (value == null || value.isBlank()) {
            throw new SearchException("a bearer token must not be blank, got '" + value + "'");
        }
        this.value = value.strip();
    }

    /** A new random token of 48 hexadecimal digits. */
    public static BearerToken random(SecureRandom random) {
        byte[] bytes = new byte[RANDOM_BYTES];
        random.nextBytes(bytes);
        return new BearerToken(HexFormat.of().formatHex(bytes));
    }

    /** The secret, for printing once to whoever started the server. */
    public String value() {
        return value;
    }

    /**
     * Whether a request presents this token.
     *
     * @param authorization the request's {@code Authorization} header, or null
     * @param tokenHeader   its {@link #TOKEN_HEADER} header, or null
     */
    public boolean presentedIn(String authorization, String tokenHeader) {
        String given = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).strip() : tokenHeader;
        return given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BearerToken other && MessageDigest.isEqual(value.getBytes(StandardCharsets.UTF_8),
                other.value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public int hashCode() {
        return Objects.hash(value);
    }

    @Override
    public String toString() {
        return "BearerToken[hidden]";
    }
}
