package io.tunelab.bench.dashboard;

import io.tunelab.bench.dashboard.DashboardBenchmark.Figure;
import io.tunelab.dashboard.api.StudyPageCalls;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
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
     * The API calls the study page makes on load (and on a live update), by figure name: the dashboard's
     * own list ({@link StudyPageCalls#onLoad}) named {@code api_NAME}. The scalars page's calls close the list.
     */
    static Map<String, String> studyPageCalls(long id, long firstTrial, String scalarRuns, int trials) {
        Map<String, String> calls = new LinkedHashMap<>();
        StudyPageCalls.onLoad(id, firstTrial, trials, 1, "loss").forEach((name, path) -> calls.put("api_" + name, path));
        calls.put("api_runs_scalars", "/api/runs?limit=2000&regex=" + BenchData.SCALARS);
        calls.put("api_series_50_runs_to_1000_points", "/api/series?maxPoints=1000&name=loss&trials=" + scalarRuns);
        return calls;
    }

    /**
     * The trials table sorted as a user does by clicking headers ({@link StudyPageCalls#tableSorts}), after
     * its first page: each sort's first call (the first sort by a field orders every trial),
     * {@code trials_sort_first_p50/p95/max} over them, then each sort again ({@code trials_sort_again_p95}).
     */
    List<Figure> sorts(long id, List<String> params) throws IOException, InterruptedException {
        Map<String, String> calls = StudyPageCalls.tableSorts(id, params, "loss");
        get(base + StudyPageCalls.table(id, "number", false, ""));
        List<Figure> out = new ArrayList<>();
        double[] first = new double[calls.size()];
        int i = 0;
        for (Map.Entry<String, String> call : calls.entrySet()) {
            long t = System.nanoTime();
            get(base + call.getValue());
            first[i++] = DashboardBenchmark.millis(t);
            out.add(new Figure("trials_" + call.getKey() + "_first", first[i - 1], "ms"));
        }
        double[] again = new double[calls.size()];
        i = 0;
        for (String path : calls.values()) {
            long t = System.nanoTime();
            get(base + path);
            again[i++] = DashboardBenchmark.millis(t);
        }
        Arrays.sort(first);
        Arrays.sort(again);
        out.add(0, new Figure("trials_sort_first_p50", percentile(first, 0.50), "ms"));
        out.add(1, new Figure("trials_sort_first_p95", percentile(first, 0.95), "ms"));
        out.add(2, new Figure("trials_sort_first_max", first[first.length - 1], "ms"));
        out.add(3, new Figure("trials_sort_again_p95", percentile(again, 0.95), "ms"));
        return out;
    }

    /** {@code NAME_first}, {@code NAME_p50}, {@code NAME_p95} in milliseconds. */
    List<Figure> time(String name, String path) throws IOException, InterruptedException {
        String url = base + path;
        if (url.contains(StudyPageCalls.CURSOR)) {
            Matcher m = CURSOR.matcher(get(base + "/api/studies"));
            url = url.replace(StudyPageCalls.CURSOR, m.find() ? m.group(1) : "0");
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
