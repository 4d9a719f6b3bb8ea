package io.tunelab.tracker.server;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Runs a loopback tracker server in a fresh JVM over {@code args[0]}, on port {@code args[1]} if given (else any free
 * port); prints {@code port N}; stops when stdin closes.
 */
public final class LoopbackServerMain {
    private LoopbackServerMain() {
    }

    public static void main(String[] args) throws IOException {
        try (TrackerServer server = TrackerServer.start(ServerOptions.loopback(Path.of(args[0]))
                .withPort(args.length > 1 ? Integer.parseInt(args[1]) : 0))) {
            System.out.println("port " + server.port());
            System.out.flush();
            while (System.in.read() >= 0) {
                // Serve until the parent closes our stdin.
            }
        }
    }
}
