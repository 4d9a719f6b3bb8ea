package io.tunelab.bench.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where a page's main thread spent its time: the self time of a Chrome CPU profile (the DevTools protocol's
 * {@code Profiler.Profile}, as a {@code .cpuprofile} file holds it) by function and by script.
 *
 * <p>A sample lasts from its timestamp to the next sample's (the last one to the profile's end), as DevTools counts
 * it; its time is the self time of the node sampled. The profiler's own nodes ({@code (idle)}, {@code (program)},
 * {@code (garbage collector)}, {@code (root)}) are entries of their own, with no script. Busy time is every sampled
 * millisecond but idle ones. Immutable.
 *
 * @param totalMs from the profile's start to its end
 * @param idleMs  the time sampled in {@code (idle)}
 * @param entries self time by function, most first
 */
record CpuProfileSummary(double totalMs, double idleMs, List<Entry> entries) {
    static final String IDLE = "(idle)";

    /**
     * One function's self time.
     *
     * @param function its name, {@code (anonymous)} when it has none
     * @param script   the last segment of its script's URL (no query), empty for the profiler's own nodes and natives
     * @param line     where it starts: its line, 1-based (0: unknown)
     * @param column   and column, 1-based (in a minified script, the line says little)
     */
    record Entry(String function, String script, int line, int column, double selfMs) {
        /** {@code name script:line:column}, or the name alone without a script. */
        String label() {
            return script.isEmpty() ? function : function + " " + script + ":" + line + ":" + column;
        }

        /** The script, or for the profiler's own nodes and natives their name ({@code (program)}, {@code (native)}). */
        String scriptOrKind() {
            if (!script.isEmpty()) {
                return script;
            }
            return function.startsWith("(") ? function : "(native)";
        }
    }

    CpuProfileSummary {
        entries = List.copyOf(entries);
    }

    /**
     * Summarises a profile.
     *
     * @throws IllegalArgumentException when a sample names a node the profile lacks, or the profile has no
     *                                  {@code nodes}, {@code samples} or {@code timeDeltas} of equal length
     */
    static CpuProfileSummary of(JsonNode profile) {
        JsonNode nodes = profile.path("nodes");
        JsonNode samples = profile.path("samples");
        JsonNode deltas = profile.path("timeDeltas");
        if (!nodes.isArray() || !samples.isArray() || !deltas.isArray() || samples.size() != deltas.size()) {
            throw new IllegalArgumentException("a CPU profile needs arrays nodes, samples and timeDeltas of equal length, got "
                    + nodes.getNodeType() + " nodes, " + samples.size() + " samples and " + deltas.size() + " timeDeltas");
        }
        Map<Integer, JsonNode> frames = new HashMap<>();
        for (JsonNode node : nodes) {
            frames.put(node.path("id").asInt(), node.path("callFrame"));
        }
        long start = profile.path("startTime").asLong();
        long end = profile.path("endTime").asLong(start);
        long[] at = new long[samples.size()];
        long t = start;
        for (int i = 0; i < at.length; i++) {
            t += deltas.get(i).asLong();
            at[i] = t;
        }
        Map<Integer, Long> selfMicros = new HashMap<>();
        for (int i = 0; i < at.length; i++) {
            int node = samples.get(i).asInt();
            if (!frames.containsKey(node)) {
                throw new IllegalArgumentException("sample " + i + " names node " + node + ", which the profile's nodes lack");
            }
            long duration = Math.max(0, (i + 1 < at.length ? at[i + 1] : end) - at[i]);
            selfMicros.merge(node, duration, Long::sum);
        }
        Map<String, Entry> byFunction = new LinkedHashMap<>();
        selfMicros.forEach((node, micros) -> {
            Entry e = entry(frames.get(node), micros / 1000.0);
            byFunction.merge(e.label(), e, (a, b) -> new Entry(a.function(), a.script(), a.line(), a.column(),
                    a.selfMs() + b.selfMs()));
        });
        List<Entry> sorted = new ArrayList<>(byFunction.values());
        sorted.sort(Comparator.comparingDouble(Entry::selfMs).reversed().thenComparing(Entry::label));
        double idle = sorted.stream().filter(e -> e.function().equals(IDLE) && e.script().isEmpty()).mapToDouble(Entry::selfMs).sum();
        return new CpuProfileSummary((end - start) / 1000.0, idle, sorted);
    }

    private static Entry entry(JsonNode frame, double ms) {
        String name = frame.path("functionName").asText("");
        String url = frame.path("url").asText("");
        String script = url.replaceAll("[?#].*", "").replaceAll(".*/", "");
        boolean known = !script.isEmpty();
        return new Entry(name.isEmpty() ? "(anonymous)" : name, script, known ? frame.path("lineNumber").asInt(-1) + 1 : 0,
                known ? frame.path("columnNumber").asInt(-1) + 1 : 0, ms);
    }

    /** Every sampled millisecond but the idle ones. */
    double busyMs() {
        return entries.stream().mapToDouble(Entry::selfMs).sum() - idleMs;
    }

    /** The {@code n} functions with the most self time, idle time left out. */
    List<Entry> topFunctions(int n) {
        return entries.stream().filter(e -> !(e.function().equals(IDLE) && e.script().isEmpty())).limit(n).toList();
    }

    /** Self time by script (see {@link Entry#scriptOrKind()}), idle time left out, most first. */
    Map<String, Double> byScript() {
        Map<String, Double> out = new HashMap<>();
        for (Entry e : topFunctions(Integer.MAX_VALUE)) {
            out.merge(e.scriptOrKind(), e.selfMs(), Double::sum);
        }
        Map<String, Double> sorted = new LinkedHashMap<>();
        out.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    /** A short table: busy time, the {@code n} functions with the most self time and the time of each script. */
    String describe(int n) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%.0f ms profiled, %.0f ms busy (idle %.0f ms)%n",
                totalMs, busyMs(), idleMs));
        out.append(String.format(Locale.ROOT, "  %9s %6s  %s%n", "self ms", "busy%", "function script:line:column"));
        for (Entry e : topFunctions(n)) {
            out.append(String.format(Locale.ROOT, "  %9.1f %5.1f%%  %s%n", e.selfMs(), percent(e.selfMs()), e.label()));
        }
        out.append("  by script:");
        byScript().forEach((script, ms) -> out.append(String.format(Locale.ROOT, " %s %.0f ms (%.0f%%);", script, ms, percent(ms))));
        return out.append(System.lineSeparator()).toString();
    }

    private double percent(double ms) {
        return busyMs() > 0 ? 100 * ms / busyMs() : 0;
    }
}
