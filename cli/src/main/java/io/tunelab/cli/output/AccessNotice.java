package io.tunelab.cli.output;

import java.io.PrintWriter;

/**
 * What {@code dashboard} and {@code serve} print at start about who may call them: the token a server bound
 * beyond loopback asks for (printed once, to whoever started it), or a warning when something was opened
 * to everyone on purpose.
 */
public final class AccessNotice {
    private AccessNotice() {
    }

    /** Prints {@code token} for {@code forWhat} (e.g. "actions"); nothing when it is null. */
    public static void token(PrintWriter out, String token, String forWhat) {
        if (token != null) {
            out.println("Token for " + forWhat + ": " + token + "  (send it as 'Authorization: Bearer TOKEN')");
        }
    }

    /** Warns that {@code what} is open to anyone who reaches {@code host:port}, as {@code flag} asked. */
    public static void open(PrintWriter out, String flag, String host, int port, String what) {
        out.println("Warning: " + flag + ": anyone who reaches " + host + ":" + port + " can " + what + " without a token.");
    }
}
