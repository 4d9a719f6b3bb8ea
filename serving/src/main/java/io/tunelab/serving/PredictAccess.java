package io.tunelab.serving;

import io.tunelab.search.access.BearerToken;
import io.tunelab.search.access.BindAddress;
import java.security.SecureRandom;

/**
 * Who may call {@code POST /predict}. A server bound to a loopback address answers anyone on this machine;
 * bound to any other address (e.g. {@code 0.0.0.0}) it asks for a bearer token, a new random one unless one
 * is given, and answers without one only when made {@code open} on purpose. A given token is asked for
 * on loopback too. {@code GET /health} stays open. Immutable.
 *
 * @param token the token to ask for, or null to have one made when the address needs it
 * @param open  whether a server beyond loopback answers without a token (cannot be combined with one)
 */
public record PredictAccess(BearerToken token, boolean open) {
    public PredictAccess {
        if (open && token != null) {
            throw new IllegalArgumentException("a public server asks for no token, but a token was given: drop one of them");
        }
    }

    /** No token given, not open: tokenless on loopback, a random token beyond it. */
    public static PredictAccess defaults() {
        return new PredictAccess(null, false);
    }

    /**
     * The token requests must present to a server bound to {@code host}, or null when they need none.
     *
     * @param random the source of a new token, used only when one is made
     */
    public BearerToken tokenFor(String host, SecureRandom random) {
        if (token != null) {
            return token;
        }
        return open || BindAddress.isLoopback(host) ? null : BearerToken.random(random);
    }

    /** Where a client finds the token, for the message of a refused request. */
    String whereTheTokenIs() {
        return token != null ? "it is the first line of the --token-file `tunelab serve` was started with"
                : "it is printed when `tunelab serve` starts";
    }
}
