package io.tunelab.bench.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tunelab.bench.dashboard.CpuProfileSummary.Entry;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A page's CPU profile as the benchmark summarises it: self time by function and by script, idle time apart. */
class CpuProfileSummaryTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Eight samples, 6 ms from start to end: (program) 0.1 ms, echarts' draw 3 ms over two call paths (nodes 4 and 7),
     * renderRows 0.5 ms, idle 2 ms, an anonymous function 0.1 ms and the collector 0.3 ms (the last sample lasts until
     * the profile's end).
     */
    private static JsonNode profile(String samples) throws Exception {
        String echarts = "http://h:1/webjars/echarts/5.5.0/echarts.min.js?v=1";
        return JSON.readTree("""
                {"nodes": [
                  {"id": 1, "callFrame": {"functionName": "(root)", "url": "", "lineNumber": -1}, "children": [2, 3, 4, 6, 8]},
                  {"id": 2, "callFrame": {"functionName": "(program)", "url": "", "lineNumber": -1}},
                  {"id": 3, "callFrame": {"functionName": "(idle)", "url": "", "lineNumber": -1}},
                  {"id": 4, "callFrame": {"functionName": "draw", "url": "%s", "lineNumber": 9, "columnNumber": 120}, "children": [5]},
                  {"id": 5, "callFrame": {"functionName": "renderRows", "url": "http://h:1/table.js", "lineNumber": 59, "columnNumber": 0}},
                  {"id": 6, "callFrame": {"functionName": "", "url": "http://h:1/study.js", "lineNumber": 0, "columnNumber": 9},
                   "children": [7]},
                  {"id": 7, "callFrame": {"functionName": "draw", "url": "%s", "lineNumber": 9, "columnNumber": 120}},
                  {"id": 8, "callFrame": {"functionName": "(garbage collector)", "url": "", "lineNumber": -1}}],
                 "startTime": 1000, "endTime": 7000,
                 "samples": %s,
                 "timeDeltas": [0, 100, 1000, 1000, 1000, 500, 2000, 100]}
                """.formatted(echarts, echarts, samples));
    }

    private static final String SAMPLES = "[2, 4, 4, 7, 5, 3, 6, 8]";

    @Test
    void eachSampleLastsUntilTheNextAndAFunctionReachedTwoWaysIsOneEntry() throws Exception {
        CpuProfileSummary summary = CpuProfileSummary.of(profile(SAMPLES));
        assertThat(summary.totalMs()).isCloseTo(6.0, within(1e-9));
        assertThat(summary.idleMs()).isCloseTo(2.0, within(1e-9));
        assertThat(summary.busyMs()).isCloseTo(4.0, within(1e-9));
        assertThat(summary.topFunctions(3)).containsExactly(
                new Entry("draw", "echarts.min.js", 10, 121, 3.0),
                new Entry("renderRows", "table.js", 60, 1, 0.5),
                new Entry("(garbage collector)", "", 0, 0, 0.3));
    }

    @Test
    void theTopFunctionsLeaveIdleTimeOutAndNameAnonymousOnes() throws Exception {
        List<Entry> all = CpuProfileSummary.of(profile(SAMPLES)).topFunctions(10);
        assertThat(all).extracting(Entry::label).containsExactly("draw echarts.min.js:10:121", "renderRows table.js:60:1",
                "(garbage collector)", "(anonymous) study.js:1:10", "(program)");
        assertThat(all.get(3).selfMs()).isCloseTo(0.1, within(1e-9));
    }

    @Test
    void selfTimeByScriptNamesTheProfilersOwnNodesByTheirKind() throws Exception {
        assertThat(CpuProfileSummary.of(profile(SAMPLES)).byScript()).containsExactly(
                java.util.Map.entry("echarts.min.js", 3.0), java.util.Map.entry("table.js", 0.5),
                java.util.Map.entry("(garbage collector)", 0.3), java.util.Map.entry("(program)", 0.1),
                java.util.Map.entry("study.js", 0.1));
    }

    @Test
    void theDescriptionListsBusyTimeTheTopFunctionsWithTheirShareAndTheScripts() throws Exception {
        String text = CpuProfileSummary.of(profile(SAMPLES)).describe(2);
        assertThat(text).startsWith("6 ms profiled, 4 ms busy (idle 2 ms)")
                .contains("3.0  75.0%  draw echarts.min.js:10:121")
                .contains("0.5  12.5%  renderRows table.js:60:1")
                .doesNotContain("(garbage collector)  ")
                .contains("by script: echarts.min.js 3 ms (75%); table.js 1 ms (13%);");
    }

    @Test
    void aSampleOfANodeTheProfileLacksIsRefusedNamingIt() throws Exception {
        assertThatThrownBy(() -> CpuProfileSummary.of(profile("[2, 4, 4, 7, 5, 3, 6, 99]")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("sample 7 names node 99, which the profile's nodes lack");
    }

    @Test
    void samplesAndTimeDeltasOfDifferentLengthsAreRefused() throws Exception {
        assertThatThrownBy(() -> CpuProfileSummary.of(profile("[2, 4]")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 samples and 8 timeDeltas");
    }

    @Test
    void theWarmLoadsFigureIsTheUpperMedian() {
        assertThat(DashboardBenchmark.median(List.of(3.0, 1.0, 2.0))).isEqualTo(2.0);
        assertThat(DashboardBenchmark.median(List.of(4.0, 1.0, 3.0, 2.0))).isEqualTo(3.0);
    }
}
