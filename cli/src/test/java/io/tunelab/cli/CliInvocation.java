package io.tunelab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Arrays;
import picocli.CommandLine;

/** The real {@code tunelab} command run in-process for tests, its output captured. */
public final class CliInvocation {
    private CliInvocation() {
    }

    /** What a command ended with and printed. */
    public record Result(int code, String out, String err) {
    }

    public static Result tunelab(String... args) {
        CommandLine cmd = TunelabCommand.commandLineFor(new DefaultWiring(), args);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        return new Result(cmd.execute(args), out.toString(), err.toString());
    }

    /** {@code tunelab ARGS --storage STORAGE}: a command on the tracker a test keeps in {@code storage}. */
    public static Result onStorage(Object storage, String... args) {
        String[] all = Arrays.copyOf(args, args.length + 2);
        all[args.length] = "--storage";
        all[args.length + 1] = storage.toString();
        return tunelab(all);
    }

    /** A loopback port free at the time of asking. */
    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
