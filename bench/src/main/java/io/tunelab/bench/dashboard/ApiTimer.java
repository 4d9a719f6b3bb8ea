package io.tunelab.bench.dashboard;

import io.tunelab.bench.dashboard.DashboardBenchmark.Figure;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Times API calls over loopback the way the browser makes them (gzip accepted): the first call, then
 * p50 and p95 of {@code repeats} more. Not thread-safe.
 */
final class ApiTimer {
    private static final Pattern CURSOR = Pattern.compile("\"cursor\":(\\d+)");

    private final String base;
    private final int repeats;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    ApiTimer(String base, int repeats) {
        this.base = base;
        this.repeats = repeats;
    }

    /**
     * The API calls the study page makes on load (and on a live update), by figure name; the page loads
     * trials as columns in pages of 5,000. The scalars page's calls close the list.
     */
    static Map<String, String> studyPageCalls(long id, long firstTrial, String scalarRuns, int trials) {
        String s = "/api/studies/" + id;
        Map<String, String> calls = new LinkedHashMap<>();
        calls.put("api_studies", "/api/studies");
        calls.put("api_study", s);
        calls.put("api_space", s + "/space");
        for (int page = 0; page * 5000 < Math.max(1, trials); page++) {
            calls.put("api_columns_page" + (page + 1), s + "/columns?after=" + (page * 5000 - 1) + "&limit=5000");
        }
        calls.put("api_importance", s + "/importance?objective=0");
        calls.put("api_curves", s + "/curves?limit=300");
        calls.put("api_table_first_page", s + "/table?filter=&sort=number&desc=false&offset=0&limit=200&metrics=");
        calls.put("api_table_sorted_by_metric", s + "/table?sort=loss.min&desc=true&offset=0&limit=200&metrics=loss");
        calls.put("api_metric_names", s + "/metric-names");
        calls.put("api_changes_since_now", s + "/changes?since={cursor}");
        calls.put("api_series_to_2000_points", "/api/trials/" + firstTrial + "/series?maxPoints=2000&name=loss");
        calls.put("api_runs_scalars", "/api/runs?limit=2000&regex=" + BenchData.SCALARS);
        calls.put("api_series_50_runs_to_1000_points", "/api/series?maxPoints=1000&name=loss&trials=" + scalarRuns);
        return calls;
    }

    /** {@code NAME_first}, {@code NAME_p50}, {@code NAME_p95} in milliseconds. */
    List<Figure> time(String name, String path) throws IOException, InterruptedException {
        String url = base + path;
        if (url.contains("{cursor}")) {
            Matcher m = CURSOR.matcher(get(base + "/api/studies"));
            url = url.replace("{cursor}", m.find() ? m.group(1) : "0");
        }
        long first = System.nanoTime();
        get(url);
        double firstMs = DashboardBenchmark.millis(first);
        double[] ms = new double[repeats];
        for (int i = 0; i < ms.length; i++) {
            long t = System.nanoTime();
            get(url);
            ms[i] = DashboardBenchmark.millis(t);
        }
        Arrays.sort(ms);
        return List.of(new Figure(name + "_first", firstMs, "ms"), new Figure(name + "_p50", percentile(ms, 0.50), "ms"),
                new Figure(name + "_p95", percentile(ms, 0.95), "ms"));
    }

    private String get(String url) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(url)).header("Accept-Encoding", "gzip").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
            throw new IOException(url + " answered " + r.statusCode() + ": " + new String(r.body(), StandardCharsets.UTF_8));
        }
        return r.headers().firstValue("Content-Encoding").orElse("").equals("gzip") ? gunzip(r.body())
                : new String(r.body(), StandardCharsets.UTF_8);
    }

    private static String gunzip(byte[] body) throws IOException {
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(body))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }
}
