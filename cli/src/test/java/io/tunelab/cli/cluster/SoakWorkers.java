package io.tunelab.cli.cluster;

import io.tunelab.cli.TunelabProcess;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * The soak test's {@code tunelab worker} processes, started as a user would on one machine (separate JVMs,
 * {@code --slots cpu:0} each, one core's worth of PyTorch threads each), with the metric writer's
 * acknowledgements at debug level. Each worker's output goes to {@code worker-N.log} in the directory and
 * its acknowledgements to {@link #acknowledged()}. Used from one thread.
 */
final class SoakWorkers implements AutoCloseable {
    private final Path dir;
    private final List<String> args;
    private final AcknowledgedPoints acknowledged = new AcknowledgedPoints();
    private final List<Process> started = new ArrayList<>();
    private final List<Process> killed = new ArrayList<>();
    private final List<Thread> readers = new ArrayList<>();

    /** Workers of {@code study} in the database {@code url}, with their artifacts, logs and working directory in {@code dir}. */
    SoakWorkers(Path dir, String url, String study) {
        this.dir = dir;
        this.args = List.of("worker", "--storage", url, "--study", study, "--slots", "cpu:0");
    }

    /** Starts one more worker; returns its index. */
    int start() throws IOException {
        ProcessBuilder builder = TunelabProcess.builder(List.of("-Xmx384m", "-XX:ActiveProcessorCount=1",
                "-Dorg.slf4j.simpleLogger.showDateTime=true", "-Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS",
                "-Dorg.slf4j.simpleLogger.log." + AcknowledgedPoints.LOGGER + "=debug"), args.toArray(String[]::new));
        builder.environment().put("TUNELAB_ARTIFACTS", dir.resolve("artifacts").toString());
        builder.directory(dir.toFile());
        Process p = builder.start();
        int index = started.size();
        started.add(p);
        Path log = dir.resolve("worker-" + index + ".log");
        Thread reader = new Thread(() -> copy(p, log), "soak-worker-" + index);
        reader.setDaemon(true);
        reader.start();
        readers.add(reader);
        return index;
    }

    /** Kills a worker drawn from {@code random} among the live ones with SIGKILL; empty when none is alive. */
    Optional<Integer> killOne(SplittableRandom random) throws InterruptedException {
        List<Process> alive = started.stream().filter(Process::isAlive).toList();
        if (alive.isEmpty()) {
            return Optional.empty();
        }
        Process victim = alive.get(random.nextInt(alive.size()));
        return kill(victim) ? Optional.of(started.indexOf(victim)) : Optional.empty();
    }

    /** Kills every live worker with SIGKILL; returns the indices of those killed (not those that ended on their own). */
    List<Integer> killAll() throws InterruptedException {
        List<Integer> indices = new ArrayList<>();
        for (Process p : started.stream().filter(Process::isAlive).toList()) {
            if (kill(p)) {
                indices.add(started.indexOf(p));
            }
        }
        return indices;
    }

    /** Whether SIGKILL ended {@code victim}, rather than its own exit just before. */
    private boolean kill(Process victim) throws InterruptedException {
        victim.destroyForcibly();
        if (!victim.waitFor(1, TimeUnit.MINUTES)) {
            throw new IllegalStateException("worker " + started.indexOf(victim) + " survived kill -9");
        }
        if (victim.exitValue() == 137) {
            killed.add(victim);
            return true;
        }
        return false;
    }

    /** Whether no worker is running (the study is done, or every worker died). */
    boolean noneAlive() {
        return started.stream().noneMatch(Process::isAlive);
    }

    /**
     * Waits up to {@code limit} for every worker to end; returns a line per worker that was not killed here
     * and did not exit 0 (or still runs), with its log's tail. Every worker's output is read by then.
     */
    List<String> awaitAll(Duration limit) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + limit.toNanos();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < started.size(); i++) {
            Process p = started.get(i);
            boolean ended = p.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (!killed.contains(p) && (!ended || p.exitValue() != 0)) {
                problems.add("worker " + i + (ended ? " exited " + p.exitValue() : " still runs") + "; its log ends:\n"
                        + tail(dir.resolve("worker-" + i + ".log")));
            }
        }
        for (Thread reader : readers) {
            reader.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
        }
        return problems;
    }

    int starts() {
        return started.size();
    }

    int kills() {
        return killed.size();
    }

    AcknowledgedPoints acknowledged() {
        return acknowledged;
    }

    private void copy(Process p, Path log) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
             PrintWriter out = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8), true)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                acknowledged.read(line);
                out.println(line);
            }
        } catch (IOException e) {
            // the output ends when the worker is killed
        }
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }

    @Override
    public void close() {
        started.forEach(Process::destroyForcibly);
    }
}
