package io.tunelab.bench.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import io.tunelab.dashboard.data.TrackerDashboardData;
import io.tunelab.dashboard.data.TrackerPorts;
import io.tunelab.dashboard.server.DashboardServer;
import io.tunelab.search.trial.TrialState;
import io.tunelab.tracker.setup.Tracker;
import io.tunelab.tracker.setup.TrackerConfig;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Measures the dashboard at scale on a tracker database (H2 file): a study of 10,000 trials with
 * 1,000,000 metric points and a scalars study of 50 runs × 20,000 steps, written through the tracker's
 * write path ({@link BenchData}; skipped when the database already holds them), served by the real
 * {@link DashboardServer} over {@link TrackerDashboardData} on loopback.
 *
 * <p>Each phase opens the tracker anew and starts a new server, then waits for its cache warm-up
 * ({@code server_warm_up}, from the start), as the CLI does before printing the dashboard's address.
 * <ol>
 *   <li>Pages, first, in a JVM that has served nothing yet: time from navigation to interactive (every
 *       chart on screen drew its first data; the page sets {@code data-ready-ms}: the study page's first
 *       screen draws from the server's history and sample of lines and loads every trial after) of the
 *       study page and of the scalars page with 50 runs selected, and of the Histograms view of those 50 runs (100 steps × 10 tags,
 *       its first tag drawn), in headless Chromium (the system's), the cold first load and
 *       the median of {@code warmLoads} more. The Histograms view draws only the cards in the viewport (more as
 *       it is scrolled), so interactive there means every card on screen drew its run's data. For each cold
 *       load every request's time and size is reported too ({@code page_study_cold_request:...}), and the page's
 *       performance marks of the cold load and the warm loads' median ({@code page_study_cold_mark:...},
 *       {@code page_study_warm_mark:...}, with when each request's response ended:
 *       {@code page_study_warm_mark:request:/api/studies/1/history:end}) and the document's navigation timing
 *       ({@code page_study_warm_mark:navigation:responseEnd}). For the study page, also the median of as many warm
 *       loads each started once the page before had finished its after-ready work
 *       ({@code page_study_interactive_settled_median}), alternating with as many loads (plus one, its cold one) of
 *       the study page's in-run reference ({@link StudyReferencePage}: the same requests and points on plain canvases):
 *       {@code page_reference_interactive_first} and {@code _median}, and the study page's figures over the
 *       reference's ({@code page_study_to_reference_ratio_first}, {@code _settled}), so that figures compare across
 *       machines. With {@link Options#profiles()}, one more warm load of each page
 *       (not timed) is profiled: its CPU profile is written, its busy time and each script's self time are figures
 *       ({@code page_study_profile_self:echarts.min.js}) and the functions with the most self time are printed.</li>
 *   <li>API, on the tracker reopened and a new server (JIT warm): the trials table sorted by each of its
 *       columns both ways ({@code trials_sort_*}: each sort's first call, p50/p95/max over them, and p95
 *       sorted again), then every call the study page makes, the first call and p50/p95 of {@code repeats}
 *       more; then the JVM's heap in use after a GC and its maximum.</li>
 *   <li>CLI, when a launcher is given: {@code tunelab studies} and {@code tunelab best} in new JVMs, five
 *       runs each, beside {@code tunelab --version} and, as the machine's reference, a bare JVM start
 *       ({@code java -version} with the launcher's quick JIT tier).</li>
 * </ol>
 * Targets: API p95 under 200 ms; pages interactive within 1.5 s, the cold load included. Not a test:
 * figures depend on the machine and its load. Prints a table and writes {@code metric,value,unit} CSV.
 */
public final class DashboardBenchmark {
    /** Sizes of the generated data. */
    public record Sizes(int trials, int pointsPerTrial, int runs, int steps) {
        /** 10,000 trials × 100 points, 50 runs × 20,000 steps. */
        public static Sizes full() {
            return new Sizes(10_000, 100, 50, 20_000);
        }
    }

    /**
     * What to measure.
     *
     * @param storage   the tracker directory (created and filled if empty, reused otherwise); with {@code jdbcUrl},
     *                  the directory of the artifacts only
     * @param jdbcUrl   a database to fill or reuse instead of the directory's embedded H2 file (e.g.
     *                  {@code jdbc:postgresql://127.0.0.1:5432/postgres}); null for the embedded file
     * @param writers   threads writing the generated trials
     * @param repeats   timed repetitions of each API call after the first
     * @param warmLoads page loads after the cold one (their median is reported)
     * @param profiles  where to write a CPU profile of one more warm load of each page ({@code NAME.cpuprofile}, not
     *                  timed); null: none taken
     */
    public record Options(Path storage, String jdbcUrl, Sizes sizes, int writers, int repeats, int warmLoads, String chromium,
                          Path csv, Path profiles) {
        TrackerConfig tracker() {
            return jdbcUrl == null ? TrackerConfig.inDirectory(storage) : TrackerConfig.forUrl(jdbcUrl, storage.resolve("artifacts"));
        }

        /** What {@code --storage} names: the URL, else the directory. */
        String location() {
            return jdbcUrl == null ? storage.toString() : jdbcUrl;
        }
    }

    /** One figure: {@code metric,value,unit}. */
    public record Figure(String metric, double value, String unit) {
    }

    /** Sampling interval of the profiled load, and how many functions its summary lists. */
    private static final int PROFILE_INTERVAL_MICROS = 200;
    private static final int PROFILE_TOP = 15;

    /**
     * The mark after which each page has done its after-ready work, for the settled warm loads (see settledLoads): the
     * study page loads ECharts once interactive, then draws the charts near the viewport with it.
     */
    private static final Map<String, String> SETTLED = Map.of("page_study", "echarts-loaded");

    /** The name of the study page's reference's figures ({@link StudyReferencePage}). */
    private static final String REFERENCE = "page_reference";

    private final Options options;
    private final PrintWriter out;
    private final List<String> cli;
    private final StringBuilder profileSummaries = new StringBuilder();

    public DashboardBenchmark(Options options, PrintWriter out) {
        this(options, out, List.of());
    }

    /**
     * Also times {@code tunelab studies} and {@code tunelab best} on the database, each in a new JVM started
     * by {@code cli} (the command that launches tunelab; empty: not timed), beside {@code tunelab --version}
     * (the JVM alone).
     */
    public DashboardBenchmark(Options options, PrintWriter out, List<String> cli) {
        this.options = options;
        this.out = out;
        this.cli = List.copyOf(cli);
    }

    /** Runs every measurement, prints a table, writes the CSV and returns the figures. */
    public List<Figure> run() throws Exception {
        List<Figure> figures = new ArrayList<>();
        try (Tracker tracker = Tracker.open(options.tracker())) {
            BenchData data = new BenchData(tracker.storage(), options.writers());
            if (!data.present(options.sizes())) {
                out.println("Generating " + options.sizes() + " in " + options.location() + " ...");
                out.flush();
                long t0 = System.nanoTime();
                data.fill(options.sizes(), 42);
                figures.add(new Figure("generate_data", seconds(t0), "s"));
            }
        }
        figures.addAll(pages());
        figures.addAll(api());
        if (!cli.isEmpty()) {
            CliTimer timer = new CliTimer(cli, 5);
            String storage = options.location();
            String java = ProcessHandle.current().info().command().orElse("java");
            figures.addAll(timer.timeCommand("cli_reference_bare_jvm", List.of(java, "-XX:TieredStopAtLevel=1",
                    "-XX:+UseSerialGC", "-version")));
            figures.addAll(timer.time("cli_version", List.of("--version")));
            figures.addAll(timer.time("cli_studies", List.of("studies", "--storage", storage)));
            figures.addAll(timer.time("cli_best", List.of("best", BenchData.SEARCH, "--storage", storage)));
        }
        print(figures);
        return figures;
    }

    private List<Figure> pages() throws Exception {
        List<Figure> figures = new ArrayList<>();
        try (Tracker tracker = Tracker.open(options.tracker())) {
            long t0 = System.nanoTime();
            DashboardServer server = new DashboardServer(new TrackerDashboardData(ports(tracker)), 0);
            StudyReferencePage.register(server.app());
            server.start();
            figures.add(new Figure("server_start", millis(t0), "ms"));
            server.awaitWarmUp(Duration.ofMinutes(5));
            figures.add(new Figure("server_warm_up", millis(t0), "ms"));
            try (HeadlessChromium browser = new HeadlessChromium(options.chromium())) {
                String base = "http://127.0.0.1:" + server.port();
                long search = tracker.storage().findStudy(BenchData.SEARCH).orElseThrow().id();
                figures.addAll(timePage(browser, "page_study", base + "/study.html?id=" + search, true,
                        StudyReferencePage.url(base, search)));
                figures.addAll(timePage(browser, "page_scalars", base + "/scalars.html?select=" + options.sizes().runs()
                        + "&regex=" + BenchData.SCALARS, true, null));
                figures.addAll(timePage(browser, "page_histograms", base + "/summaries.html?view=histograms&select="
                        + options.sizes().runs() + "&regex=" + BenchData.SCALARS, true, null));
            } finally {
                server.stop();
            }
        }
        return figures;
    }

    private List<Figure> api() throws Exception {
        List<Figure> figures = new ArrayList<>();
        try (Tracker tracker = Tracker.open(options.tracker())) {
            DashboardServer server = new DashboardServer(new TrackerDashboardData(ports(tracker)), 0).start();
            server.awaitWarmUp(Duration.ofMinutes(5));
            try {
                ApiTimer timer = new ApiTimer("http://127.0.0.1:" + server.port(), options.repeats());
                long search = tracker.storage().findStudy(BenchData.SEARCH).orElseThrow().id();
                long scalars = tracker.storage().findStudy(BenchData.SCALARS).orElseThrow().id();
                long firstTrial = tracker.storage().trialByNumber(search, 0).id();
                String runs = tracker.storage().trials(scalars, EnumSet.allOf(TrialState.class)).stream()
                        .map(t -> String.valueOf(t.id())).collect(Collectors.joining(","));
                figures.addAll(timer.sorts(search, List.copyOf(tracker.storage().trial(firstTrial).params().keySet())));
                for (Map.Entry<String, String> call : ApiTimer.studyPageCalls(search, firstTrial, runs,
                        options.sizes().trials()).entrySet()) {
                    figures.addAll(timer.time(call.getKey(), call.getValue()));
                }
                System.gc();
                Runtime heap = Runtime.getRuntime();
                figures.add(new Figure("jvm_heap_used_after_gc", (heap.totalMemory() - heap.freeMemory()) / 1048576.0, "MiB"));
                figures.add(new Figure("jvm_heap_max", heap.maxMemory() / 1048576.0, "MiB"));
            } finally {
                server.stop();
            }
        }
        return figures;
    }

    /**
     * The cold load and the median of the warm ones, with the page's performance marks (the cold load's, and the
     * median of each over the warm loads that set it); for the cold one, optionally every request; with
     * {@link Options#profiles()}, a CPU profile of one more warm load. With a {@code reference} page (the study page's,
     * {@link StudyReferencePage}), that page is timed too, its loads interleaved with the settled ones
     * ({@link #settledLoads}), and the ratios of the two pages' figures are reported.
     */
    private List<Figure> timePage(HeadlessChromium browser, String name, String url, boolean requests, String reference)
            throws Exception {
        PageTimes page = new PageTimes(name, requests);
        for (int i = 0; i <= options.warmLoads(); i++) {
            page.load(browser, url);
        }
        List<Figure> out = new ArrayList<>(page.marks());
        if (options.profiles() != null) {
            out.addAll(profile(browser, name, url));
        }
        screenshot(browser, name);
        out.add(0, new Figure(name + "_interactive_first", page.first(), "ms"));
        if (page.warm()) {
            out.add(1, new Figure(name + "_interactive_median", page.warmMedian(), "ms"));
        }
        String settle = SETTLED.get(name);
        if (reference != null && settle == null) {
            throw new IllegalArgumentException(name + " has a reference page but no mark to settle on");
        }
        PageTimes ref = reference == null ? null : new PageTimes(REFERENCE, true);
        List<Double> settled = settle != null && (page.warm() || ref != null)
                ? settledLoads(browser, url, settle, ref, reference) : List.of();
        if (ref != null) {
            screenshot(browser, REFERENCE);
            out.add(new Figure(REFERENCE + "_interactive_first", ref.first(), "ms"));
            out.add(new Figure(name + "_to_reference_ratio_first", page.first() / ref.first(), "x"));
            if (ref.warm()) {
                out.add(new Figure(REFERENCE + "_interactive_median", ref.warmMedian(), "ms"));
                out.add(new Figure(name + "_to_reference_ratio_settled", median(settled) / ref.warmMedian(), "x"));
            }
            out.addAll(ref.marks());
        }
        if (!settled.isEmpty()) {
            out.add(2, new Figure(name + "_interactive_settled_median", median(settled), "ms"));
        }
        return out;
    }

    private void screenshot(HeadlessChromium browser, String name) throws Exception {
        if (options.csv().toAbsolutePath().getParent() != null) {
            Files.createDirectories(options.csv().toAbsolutePath().getParent());
            browser.screenshot(options.csv().toAbsolutePath().resolveSibling(name + ".png"));
        }
    }

    /**
     * As many warm loads again, each started only once the page before it has settled: its {@code settle} mark set
     * (the work it does after it is interactive, such as loading ECharts, done) and its network quiet
     * ({@link HeadlessChromium#waitUntilSettled}). The warm loads above start as soon as the page before is interactive,
     * so they also measure that page's after-ready work still running in the browser and the server; these measure a
     * return to the page after it has finished. Both are reported.
     *
     * <p>With a {@code reference} page, that page is loaded once before each of these loads and once after the last
     * (its first load is its cold one, then as many warm loads as the page has), each once the page before has
     * settled, and the page's loads start once the reference's are quiet: the two pages' loads alternate on an idle
     * browser and server, so the reference's figures compare with the settled ones.
     */
    private List<Double> settledLoads(HeadlessChromium browser, String url, String settle, PageTimes reference,
                                      String referenceUrl) throws Exception {
        List<Double> loads = new ArrayList<>();
        for (int i = 0; i <= options.warmLoads(); i++) {
            if (reference != null) {
                browser.waitUntilSettled(settle, Duration.ofSeconds(120));
                reference.load(browser, referenceUrl);
            }
            if (i < options.warmLoads()) {
                browser.waitUntilSettled(reference != null ? StudyReferencePage.DRAWN : settle, Duration.ofSeconds(120));
                browser.call("Page.navigate", Map.of("url", "about:blank"));
                loads.add(browser.openAndTimeReady(url, Duration.ofSeconds(120)));
            }
        }
        return loads;
    }

    /**
     * Profiles one more warm load into {@code NAME.cpuprofile} (open it in Chromium's DevTools, Performance panel)
     * and keeps its summary for the report; returns its busy time and the self time of each script.
     */
    private List<Figure> profile(HeadlessChromium browser, String name, String url) throws Exception {
        browser.call("Page.navigate", Map.of("url", "about:blank"));
        JsonNode profile = browser.openAndProfile(url, Duration.ofSeconds(120), PROFILE_INTERVAL_MICROS);
        Files.createDirectories(options.profiles());
        Path file = options.profiles().resolve(name + ".cpuprofile");
        Files.writeString(file, profile.toString());
        CpuProfileSummary summary = CpuProfileSummary.of(profile);
        profileSummaries.append(name).append(", one warm load (").append(file.toAbsolutePath()).append("): ")
                .append(summary.describe(PROFILE_TOP));
        List<Figure> out = new ArrayList<>();
        out.add(new Figure(name + "_profile_busy", summary.busyMs(), "ms"));
        summary.byScript().forEach((script, ms) -> out.add(new Figure(name + "_profile_self:" + script, ms, "ms")));
        return out;
    }

    /** The upper median (as the warm loads' figure has always been). */
    static double median(List<Double> xs) {
        double[] sorted = xs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted[sorted.length / 2];
    }

    static double millis(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e6;
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static TrackerPorts ports(Tracker tracker) {
        return new TrackerPorts(tracker.storage(), tracker.queries(), tracker.changes(), tracker.metrics(), tracker.registry(),
                tracker.artifacts());
    }

    private void print(List<Figure> figures) throws java.io.IOException {
        StringBuilder csv = new StringBuilder("metric,value,unit\n");
        out.printf("%-60s %12s %s%n", "metric", "value", "unit");
        for (Figure f : figures) {
            out.printf("%-60s %12.1f %s%n", f.metric(), f.value(), f.unit());
            csv.append(f.metric()).append(',').append(String.format(Locale.ROOT, "%.3f", f.value()))
                    .append(',').append(f.unit()).append('\n');
        }
        if (options.csv().toAbsolutePath().getParent() != null) {
            Files.createDirectories(options.csv().toAbsolutePath().getParent());
        }
        Files.writeString(options.csv(), csv);
        if (profileSummaries.length() > 0) {
            out.println();
            out.print("CPU profiles, self time of the main thread from navigation to ready:" + System.lineSeparator() + profileSummaries);
        }
        out.println("CSV written to " + options.csv().toAbsolutePath());
        out.flush();
    }
}
