package io.tunelab.dashboard.bench;

import io.tunelab.dashboard.DashboardServer;
import io.tunelab.dashboard.data.StorageDashboardData;
import io.tunelab.search.storage.InMemoryStorage;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Measures the dashboard at scale: a study of 10,000 trials and 1,000,000 metric points, and a scalars
 * study of 50 runs × 20,000 steps, in an in-memory storage behind a real server on loopback. Reports the
 * first-call time and p50/p95 of every API call the study page makes, and the time from navigation to
 * "interactive" (first data drawn) of the study and scalars pages in headless Chromium. Targets: p95 under
 * 200 ms, pages under 1.5 s. Writes {@code metric,value,unit} CSV.
 */
public final class DashboardBenchmark {
    /** What to measure. */
    public record Options(int trials, int pointsPerTrial, int runs, int steps, int repeats, String chromium, Path csv) {
        public static Options defaults() {
            return new Options(10_000, 100, 50, 20_000, 30, "/usr/bin/chromium", Path.of("target", "dashboard-bench.csv"));
        }
    }

    /** One figure: {@code metric,value,unit}. */
    public record Figure(String metric, double value, String unit) {
    }

    private final Options options;
    private final PrintStream out;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public DashboardBenchmark(Options options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    /** Runs every measurement, prints a table, writes the CSV and returns the figures. */
    public List<Figure> run() throws Exception {
        List<Figure> figures = new ArrayList<>();
        long t0 = System.nanoTime();
        InMemoryStorage storage = BenchData.create(options.trials(), options.pointsPerTrial(), options.runs(), options.steps(), 42);
        figures.add(new Figure("generate_data", millis(t0), "ms"));
        long search = storage.findStudy(BenchData.SEARCH).orElseThrow().id();
        DashboardServer server = new DashboardServer(new StorageDashboardData(storage), 0).start();
        try {
            String base = "http://127.0.0.1:" + server.port();
            long scalars = storage.findStudy(BenchData.SCALARS).orElseThrow().id();
            String runs = storage.trials(scalars, java.util.EnumSet.allOf(io.tunelab.search.trial.TrialState.class)).stream()
                    .map(t -> String.valueOf(t.id())).collect(java.util.stream.Collectors.joining(","));
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"cursor\":(\\d+)").matcher(body(base + "/api/studies"));
            long cursor = m.find() ? Long.parseLong(m.group(1)) : 0;
            for (Map.Entry<String, String> call : studyPageCalls(search, cursor, runs).entrySet()) {
                figures.addAll(timeCall(call.getKey(), base + call.getValue()));
            }
            try (HeadlessChromium browser = new HeadlessChromium(options.chromium())) {
                figures.addAll(timePage(browser, "page_study", base + "/study.html?id=" + search));
                figures.addAll(timePage(browser, "page_scalars", base + "/scalars.html?select=" + options.runs()
                        + "&regex=" + BenchData.SCALARS));
            }
        } finally {
            server.stop();
        }
        print(figures);
        return figures;
    }

    /** The API calls the study page makes on load, by name. */
    private Map<String, String> studyPageCalls(long id, long cursor, String scalarRuns) {
        String s = "/api/studies/" + id;
        Map<String, String> calls = new LinkedHashMap<>();
        calls.put("api_studies", "/api/studies");
        calls.put("api_study", s);
        calls.put("api_space", s + "/space");
        calls.put("api_trials_page1", s + "/trials?after=-1&limit=5000");
        calls.put("api_trials_page2", s + "/trials?after=4999&limit=5000");
        calls.put("api_importance", s + "/importance?objective=0");
        calls.put("api_curves", s + "/curves?limit=300");
        calls.put("api_table_first_page", s + "/table?filter=&sort=number&desc=false&offset=0&limit=200&metrics=");
        calls.put("api_table_sorted_by_metric", s + "/table?sort=loss.min&desc=true&offset=0&limit=200&metrics=loss");
        calls.put("api_metric_names", s + "/metric-names");
        calls.put("api_changes_since_now", s + "/changes?since=" + cursor);
        calls.put("api_series_to_2000_points", "/api/trials/1/series?maxPoints=2000&name=loss");
        calls.put("api_runs_scalars", "/api/runs?limit=2000&regex=" + BenchData.SCALARS);
        calls.put("api_series_50_runs_x_20000_to_1000", "/api/series?maxPoints=1000&name=loss&trials=" + scalarRuns);
        return calls;
    }

    private List<Figure> timeCall(String name, String url) throws IOException, InterruptedException {
        long first = System.nanoTime();
        get(url);
        double firstMs = millis(first);
        double[] ms = new double[options.repeats()];
        for (int i = 0; i < ms.length; i++) {
            long t = System.nanoTime();
            get(url);
            ms[i] = millis(t);
        }
        Arrays.sort(ms);
        return List.of(new Figure(name + "_first", firstMs, "ms"), new Figure(name + "_p50", percentile(ms, 0.50), "ms"),
                new Figure(name + "_p95", percentile(ms, 0.95), "ms"));
    }

    private String body(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private void get(String url) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
            throw new IOException(url + " answered " + r.statusCode() + ": " + new String(r.body(), java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    /** The first (cold) load and the median of three warm loads. */
    private List<Figure> timePage(HeadlessChromium browser, String name, String url) throws Exception {
        List<Double> loads = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            browser.call("Page.navigate", Map.of("url", "about:blank"));
            loads.add(browser.openAndTimeReady(url, Duration.ofSeconds(60)));
        }
        double[] warm = loads.subList(1, loads.size()).stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (options.csv().getParent() != null) {
            Files.createDirectories(options.csv().getParent());
            browser.screenshot(options.csv().resolveSibling(name + ".png"));
        }
        List<Figure> out = new ArrayList<>(List.of(new Figure(name + "_interactive_first", loads.get(0), "ms"),
                new Figure(name + "_interactive_median", warm[warm.length / 2], "ms")));
        for (var mark : browser.eval("performance.getEntriesByType('mark').map(m => [m.name, m.startTime])")) {
            out.add(new Figure(name + "_mark_" + mark.get(0).asText(), mark.get(1).asDouble(), "ms"));
        }
        return out;
    }

    private static double percentile(double[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static double millis(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e6;
    }

    private void print(List<Figure> figures) throws IOException {
        StringBuilder csv = new StringBuilder("metric,value,unit\n");
        out.printf("%-40s %12s %s%n", "metric", "value", "unit");
        for (Figure f : figures) {
            out.printf("%-40s %12.1f %s%n", f.metric(), f.value(), f.unit());
            csv.append(f.metric()).append(',').append(String.format(java.util.Locale.ROOT, "%.3f", f.value()))
                    .append(',').append(f.unit()).append('\n');
        }
        if (options.csv().getParent() != null) {
            Files.createDirectories(options.csv().getParent());
        }
        Files.writeString(options.csv(), csv);
        out.println("CSV written to " + options.csv().toAbsolutePath());
    }

    /** Runs the benchmark with the default sizes; an optional argument names the CSV file. */
    public static void main(String[] args) throws Exception {
        Options d = Options.defaults();
        Options o = args.length > 0 ? new Options(d.trials(), d.pointsPerTrial(), d.runs(), d.steps(), d.repeats(), d.chromium(),
                Path.of(args[0])) : d;
        new DashboardBenchmark(o, System.out).run();
    }
}
