package io.tunelab.bench.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import io.tunelab.bench.dashboard.DashboardBenchmark.Figure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One page's timed loads: the first (cold) and the warm ones after it, each opened from {@code about:blank}, with
 * the page's performance marks (the cold load's, and the median of each over the warm loads that set it) and,
 * with {@code requests}, when each request ended (the cold load: each request's time and size).
 */
final class PageTimes {
    /** Each request of the page so far: path, time taken, bytes, when its response ended (from the navigation). */
    private static final String RESOURCES = "performance.getEntriesByType('resource').map(r => [r.name.replace(location.origin, ''),"
            + " r.responseEnd - r.startTime, r.encodedBodySize, r.responseEnd])";

    /**
     * The page's own marks, then when the document's request started, its first and last byte arrived and the
     * document was parsed (navigation timing), so that a slow load shows whether the time went before the page ran.
     */
    private static final String MARKS = "performance.getEntriesByType('mark').map(m => [m.name, m.startTime]).concat("
            + "performance.getEntriesByType('navigation').flatMap(n => [['navigation:requestStart', n.requestStart],"
            + " ['navigation:responseStart', n.responseStart], ['navigation:responseEnd', n.responseEnd],"
            + " ['navigation:domInteractive', n.domInteractive]]))";

    private final String name;
    private final boolean requests;
    private final List<Double> loads = new ArrayList<>();
    private final List<Figure> cold = new ArrayList<>();
    private final Map<String, List<Double>> warmMarks = new LinkedHashMap<>();

    PageTimes(String name, boolean requests) {
        this.name = name;
        this.requests = requests;
    }

    /** Opens {@code url} and records the load: the first is the cold one. */
    void load(HeadlessChromium browser, String url) throws Exception {
        browser.call("Page.navigate", Map.of("url", "about:blank"));
        boolean first = loads.isEmpty();
        loads.add(browser.openAndTimeReady(url, Duration.ofSeconds(120)));
        for (JsonNode mark : browser.eval(MARKS)) {
            if (first) {
                cold.add(new Figure(name + "_cold_mark:" + mark.get(0).asText(), mark.get(1).asDouble(), "ms"));
            } else {
                warmMarks.computeIfAbsent(mark.get(0).asText(), k -> new ArrayList<>()).add(mark.get(1).asDouble());
            }
        }
        if (!requests) {
            return;
        }
        for (JsonNode r : browser.eval(RESOURCES)) {
            String path = r.get(0).asText().replaceAll("\\?.*", "");
            if (first) {
                cold.add(new Figure(name + "_cold_request:" + path + ":ms", r.get(1).asDouble(), "ms"));
                cold.add(new Figure(name + "_cold_request:" + path + ":bytes", r.get(2).asDouble(), "bytes"));
            } else {
                warmMarks.computeIfAbsent("request:" + path + ":end", k -> new ArrayList<>()).add(r.get(3).asDouble());
            }
        }
    }

    double first() {
        return loads.get(0);
    }

    boolean warm() {
        return loads.size() > 1;
    }

    double warmMedian() {
        return DashboardBenchmark.median(loads.subList(1, loads.size()));
    }

    /** The cold load's marks (and requests), then the median of each mark over the warm loads. */
    List<Figure> marks() {
        List<Figure> out = new ArrayList<>(cold);
        warmMarks.forEach((mark, times) -> out.add(new Figure(name + "_warm_mark:" + mark, DashboardBenchmark.median(times), "ms")));
        return out;
    }
}
