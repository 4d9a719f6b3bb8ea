package io.tunelab.search.access;

import io.tunelab.search.SearchException;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** Whether a server's bind address reaches beyond this machine. */
public final class BindAddress {
    private BindAddress() {
    }

    /**
     * Whether {@code host} (a name or an address) is a loopback address; {@code 0.0.0.0} and every
     * other address are not. A SearchException naming the host when it cannot be resolved.
     */
    public static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new SearchException("host '" + host + "' cannot be resolved: " + e.getMessage(), e);
        }
    }
}
