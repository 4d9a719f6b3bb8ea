package io.tunelab.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tunelab.bench.storage.BenchResult;
import io.tunelab.cli.error.CliException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * A bounded load test of a running dashboard: {@code clients} concurrent clients, each behaving like a
 * browser on one study's page for {@code duration}: a page load (the study, its space, every trial,
 * parameter importance, learning curves, the first page of the trials table and the metric names),
 * then {@value #POLLS} live polls (changes since the cursor, and the study again), and again. Only
 * loopback addresses are accepted. Thread-safe to construct; {@link #run()} once.
 */
public final class DashboardLoad {
    static final int POLLS = 5;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final String study;
    private final int clients;
    private final Duration duration;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();

    /** What one run measured; latencies in milliseconds over every request. */
    public record Result(int clients, double seconds, long requests, long errors, double requestsPerSecond,
                         double p50Ms, double p99Ms, double maxMs, Map<String, Long> errorsByKind) {
        public List<BenchResult> figures() {
            return List.of(new BenchResult("dashboard_clients", clients, "clients"),
                    new BenchResult("dashboard_requests", requests, "requests"),
                    new BenchResult("dashboard_errors", errors, "requests"),
                    new BenchResult("dashboard_throughput", requestsPerSecond, "requests/s"),
                    new BenchResult("dashboard_latency_p50", p50Ms, "ms"),
                    new BenchResult("dashboard_latency_p99", p99Ms, "ms"),
                    new BenchResult("dashboard_latency_max", maxMs, "ms"));
        }
    }

    /**
     * @param base     the dashboard's address, e.g. {@code http://127.0.0.1:8080/}; loopback only
     * @param study    the study whose page the clients load
     * @param clients  concurrent clients, 1 to 200
     * @param duration how long, 1 s to 10 min
     */
    public DashboardLoad(URI base, String study, int clients, Duration duration) {
        if (clients < 1 || clients > 200) {
            throw new CliException("--clients must be between 1 and 200, got " + clients);
        }
        if (duration.compareTo(Duration.ofSeconds(1)) < 0 || duration.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new CliException("--seconds must be between 1 and 600, got " + duration.toSeconds());
        }
        requireLoopback(base);
        this.base = base;
        this.study = study;
        this.clients = clients;
        this.duration = duration;
    }

    private static void requireLoopback(URI base) {
        try {
            if (base.getHost() == null || !InetAddress.getByName(base.getHost()).isLoopbackAddress()) {
                throw new CliException("--url: the load test only targets a dashboard on this machine (loopback), got "
                        + base);
            }
        } catch (java.net.UnknownHostException e) {
            throw new CliException("--url: unknown host in " + base);
        }
    }

    /** Runs the clients for the duration and returns the figures; throws if the study is not found. */
    public Result run() throws InterruptedException {
        long id = studyId();
        long end = System.nanoTime() + duration.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<long[]>> runs = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 0; i < clients; i++) {
            runs.add(pool.submit(() -> client(id, end)));
        }
        List<long[]> all = new ArrayList<>();
        try {
            for (Future<long[]> f : runs) {
                all.add(f.get());
            }
        } catch (java.util.concurrent.ExecutionException e) {
            throw new CliException("a load client failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long[] latencies = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        Map<String, Long> kinds = new TreeMap<>();
        errors.forEach((k, v) -> kinds.put(k, v.sum()));
        long errorCount = kinds.values().stream().mapToLong(Long::longValue).sum();
        return new Result(clients, seconds, latencies.length, errorCount, latencies.length / seconds,
                percentile(latencies, 0.50), percentile(latencies, 0.99),
                latencies.length == 0 ? 0 : latencies[latencies.length - 1] / 1e6, kinds);
    }

    static double percentile(long[] sortedNanos, double q) {
        if (sortedNanos.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(q * sortedNanos.length) - 1;
        return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, index))] / 1e6;
    }

    private long studyId() {
        JsonNode studies = get("/api/studies", new LongList());
        if (studies != null) {
            for (JsonNode s : studies.path("studies")) {
                if (study.equals(s.path("name").asText())) {
                    return s.path("id").asLong();
                }
            }
        }
        throw new CliException("no study named '" + study + "' on the dashboard at " + base
                + (studies == null ? " (it did not answer: " + errors.keySet() + ")" : ""));
    }

    /** One client's loop; returns its request latencies in nanoseconds. */
    private long[] client(long id, long end) {
        LongList latencies = new LongList();
        String study = "/api/studies/" + id;
        while (System.nanoTime() < end) {
            get(study, latencies);
            get(study + "/space", latencies);
            JsonNode trials = get(study + "/trials?after=-1&limit=5000", latencies);
            get(study + "/importance?objective=0", latencies);
            get(study + "/curves?limit=300", latencies);
            get(study + "/table?offset=0&limit=50&sort=number", latencies);
            get(study + "/metric-names", latencies);
            long cursor = trials == null ? 0 : trials.path("cursor").asLong();
            for (int i = 0; i < POLLS && System.nanoTime() < end; i++) {
                JsonNode changes = get(study + "/changes?since=" + cursor, latencies);
                if (changes != null) {
                    cursor = changes.path("cursor").asLong(cursor);
                }
                get(study, latencies);
            }
        }
        return latencies.toArray();
    }

    /** GETs a path; records the latency, and any error by kind; returns the JSON body or null. */
    private JsonNode get(String path, LongList latencies) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30)).GET().build();
        long t0 = System.nanoTime();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            latencies.add(System.nanoTime() - t0);
            if (response.statusCode() != 200) {
                error("HTTP " + response.statusCode() + " " + path.replaceAll("\\d+", "N"));
                return null;
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            latencies.add(System.nanoTime() - t0);
            error(e.getClass().getSimpleName());
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private void error(String kind) {
        errors.computeIfAbsent(kind, k -> new LongAdder()).increment();
    }

    /** A growable array of longs. */
    private static final class LongList {
        private long[] values = new long[1024];
        private int size;

        void add(long v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        long[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
