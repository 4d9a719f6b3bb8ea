package io.tunelab.tracker.pg;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throw-away PostgreSQL server for tests, from Debian's {@code postgresql} package: a new cluster
 * in a temporary directory, listening on 127.0.0.1 only, on a free port, with trust authentication
 * for local connections. When the JVM runs as root the server runs as the {@code postgres} user
 * (PostgreSQL refuses root). {@link #find()} is empty when the binaries are not installed, so tests
 * can skip with a visible message.
 */
public final class LocalPostgres implements AutoCloseable {
    private final Path bin;
    private final Path dir;
    private final int port;
    private final boolean asPostgresUser;

    private LocalPostgres(Path bin, Path dir, int port, boolean asPostgresUser) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
        this.asPostgresUser = asPostgresUser;
    }

    /** The newest installed PostgreSQL's bin directory, if any. */
    public static Optional<Path> find() {
        Path root = Paths.get("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("pg_ctl")) && Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.comparing(p -> Integer.parseInt(p.getParent().getFileName().toString()
                            .replaceAll("\\D", "0"))));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Creates and starts a cluster; throws if PostgreSQL is missing or does not start. */
    public static LocalPostgres start() throws IOException, InterruptedException {
        Path bin = find().orElseThrow(() -> new IOException("PostgreSQL is not installed (apt-get install postgresql)"));
        boolean root = "root".equals(System.getProperty("user.name"));
        Path dir = Files.createTempDirectory("tunelab-pg-");
        if (root) {
            run(List.of("chown", "-R", "postgres:postgres", dir.toString()), false, Duration.ofSeconds(30));
        }
        Path data = dir.resolve("data");
        run(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "postgres", "-A", "trust",
                "-E", "UTF8", "--no-sync"), root, Duration.ofMinutes(2));
        int port = freePort();
        LocalPostgres pg = new LocalPostgres(bin, dir, port, root);
        pg.pgCtl("start", "-w", "-t", "60", "-l", dir.resolve("server.log").toString(), "-o",
                "-c listen_addresses=127.0.0.1 -p " + port + " -c unix_socket_directories=" + dir
                        + " -c max_connections=200 -c fsync=off");
        return pg;
    }

    /** JDBC URL of database {@code postgres} (user {@code postgres}, no password). */
    public String jdbcUrl() {
        return jdbcUrl("postgres");
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public int port() {
        return port;
    }

    /** Creates a database and returns its JDBC URL. */
    public String createDatabase(String name) throws IOException, InterruptedException {
        run(List.of(bin.resolve("createdb").toString(), "-h", "127.0.0.1", "-p", String.valueOf(port), "-U", "postgres",
                name), asPostgresUser, Duration.ofMinutes(1));
        return jdbcUrl(name);
    }

    /** Stops the server (fast shutdown); {@link #restart()} brings it back on the same port and data. */
    public void stop() throws IOException, InterruptedException {
        pgCtl("stop", "-m", "fast", "-w", "-t", "60");
    }

    /** Stops the server as a crash would ({@code pg_ctl stop -m immediate}): the next start recovers from the WAL. */
    public void stopImmediately() throws IOException, InterruptedException {
        pgCtl("stop", "-m", "immediate", "-w", "-t", "60");
    }

    public void restart() throws IOException, InterruptedException {
        pgCtl("start", "-w", "-t", "60", "-l", dir.resolve("server.log").toString(), "-o",
                "-c listen_addresses=127.0.0.1 -p " + port + " -c unix_socket_directories=" + dir
                        + " -c max_connections=200 -c fsync=off");
    }

    private void pgCtl(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString()));
        cmd.addAll(List.of(args));
        run(cmd, asPostgresUser, Duration.ofMinutes(2));
    }

    private static void run(List<String> command, boolean asPostgres, Duration timeout) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        if (asPostgres) {
            cmd.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        cmd.addAll(command);
        // From "/", which the postgres user can read whatever the build's working directory is.
        Process p = new ProcessBuilder(cmd).directory(new java.io.File("/")).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            p.destroyForcibly();
            throw new IOException("timed out: " + String.join(" ", cmd));
        }
        if (p.exitValue() != 0) {
            throw new IOException("failed (" + p.exitValue() + "): " + String.join(" ", cmd) + "\n" + new String(out));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        try {
            stop();
        } catch (IOException | InterruptedException e) {
            // already stopped or never started; the directory is removed anyway
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is harmless
        }
    }
}
