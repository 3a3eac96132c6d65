package dev.mpotel.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Free TCP ports on the loopback interface, for servers that tests start. */
public final class FreePorts {

    private FreePorts() {
    }

    /**
     * Returns a TCP port on 127.0.0.1 that was free a moment ago. Another process may still take it before the
     * caller binds it, so callers that start an external server should be ready to retry with a new port.
     */
    public static int pick() {
        try (ServerSocket socket = new ServerSocket(0, 1, loopback())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not find a free TCP port on 127.0.0.1", e);
        }
    }

    /** 127.0.0.1 itself, never {@code ::1}, whatever the JVM's address preferences. */
    static InetAddress loopback() {
        try {
            return InetAddress.getByAddress("127.0.0.1", new byte[] {127, 0, 0, 1});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
