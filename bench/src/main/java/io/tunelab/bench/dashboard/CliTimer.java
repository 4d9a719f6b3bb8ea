package io.tunelab.bench.dashboard;

import io.tunelab.bench.dashboard.DashboardBenchmark.Figure;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Wall time of {@code tunelab} commands as a user runs them: each run a new JVM started with the
 * launcher the CLI gives (java, class path, main class), its output discarded. Not thread-safe.
 */
final class CliTimer {
    private final List<String> launcher;
    private final int runs;

    /** @param launcher the command that starts {@code tunelab} (arguments follow it); @param runs runs per command */
    CliTimer(List<String> launcher, int runs) {
        this.launcher = List.copyOf(launcher);
        this.runs = runs;
    }

    /** {@code NAME_first} and {@code NAME_median} in milliseconds; IOException when the command fails. */
    List<Figure> time(String name, List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(launcher);
        command.addAll(args);
        return timeCommand(name, command);
    }

    /**
     * The same figures for a command other than {@code tunelab}, such as the in-run reference: a bare JVM start
     * ({@code java -version}), which sets the CLI's figures against this machine's speed.
     */
    List<Figure> timeCommand(String name, List<String> command) throws IOException, InterruptedException {
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            run(command);
            ms[i] = DashboardBenchmark.millis(t);
        }
        double first = ms[0];
        Arrays.sort(ms);
        return List.of(new Figure(name + "_first", first, "ms"), new Figure(name + "_median", ms[ms.length / 2], "ms"));
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        byte[] err = p.getErrorStream().readAllBytes();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", command) + " did not end within 10 minutes");
        }
        if (p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " exited with " + p.exitValue() + ": "
                    + new String(err, StandardCharsets.UTF_8));
        }
    }
}
