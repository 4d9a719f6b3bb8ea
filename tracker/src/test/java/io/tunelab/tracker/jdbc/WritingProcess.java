package io.tunelab.tracker.jdbc;

import io.tunelab.tracker.durability.JavaProcess;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A {@link WritingTrackerMain} in its own JVM, seen from the test: what it wrote, the errors it printed, its answers.
 * Each method waits a bounded time and fails the test (with what the process said) when it is exceeded.
 */
final class WritingProcess implements AutoCloseable {
    private static final long WAIT_SECONDS = 60;

    private final String name;
    private final Process process;
    private final OutputStream stdin;
    private final Set<String> wrote = ConcurrentHashMap.newKeySet();
    private final List<String> errors = new CopyOnWriteArrayList<>();
    private final BlockingQueue<String> said = new LinkedBlockingQueue<>();

    private WritingProcess(String name, Process process) {
        this.name = name;
        this.process = process;
        this.stdin = process.getOutputStream();
        Thread reader = new Thread(this::read, "reader-" + name);
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts a process writing studies {@code name-1, name-2, …} to the database of {@code dir}, once it is open. */
    static WritingProcess start(Path dir, String name) throws Exception {
        WritingProcess p = new WritingProcess(name, JavaProcess.start(WritingTrackerMain.class, dir.toString(), name));
        p.expect("open");
        return p;
    }

    String name() {
        return name;
    }

    private void read() {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("wrote ")) {
                    wrote.add(line.substring("wrote ".length()));
                } else if (line.startsWith("error ")) {
                    errors.add(line);
                } else {
                    said.add(line);
                }
            }
        } catch (IOException e) {
            errors.add("reading its output failed: " + e);
        }
    }

    private void expect(String line) throws InterruptedException {
        String got = said.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        if (!line.equals(got)) {
            throw new AssertionError(name + " said " + got + " instead of " + line + "; errors " + errors);
        }
    }

    /** Whether this process serves the share the share file names (it holds the file), as it says. */
    boolean holding() throws Exception {
        stdin.write("who\n".getBytes(StandardCharsets.UTF_8));
        stdin.flush();
        String got = said.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        if (!"holding".equals(got) && !"joined".equals(got)) {
            throw new AssertionError(name + " answered " + got + " to who; errors " + errors);
        }
        return got.equals("holding");
    }

    /** Waits until this process has written {@code more} studies beyond those it has written now. */
    void writesOn(int more) throws InterruptedException {
        int target = wrote.size() + more;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (wrote.size() < target) {
            if (!errors.isEmpty() || System.nanoTime() > deadline) {
                throw new AssertionError(name + " wrote " + wrote.size() + " studies, not " + target + "; errors " + errors);
            }
            Thread.sleep(20);
        }
    }

    /** Ends the process as a user does (its input ends: it closes the database) and waits for it to exit. */
    void end() throws Exception {
        stdin.close();
        expect("closed");
        if (!process.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)) {
            throw new AssertionError(name + " did not exit");
        }
    }

    /** Kills the process as {@code kill -9} does. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    /** The studies this process said it wrote. */
    Set<String> wrote() {
        return Set.copyOf(wrote);
    }

    /** The failures this process printed. */
    List<String> errors() {
        return List.copyOf(errors);
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
