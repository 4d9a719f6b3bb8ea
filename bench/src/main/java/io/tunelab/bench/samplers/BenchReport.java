package io.tunelab.bench.samplers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/** Summary tables and CSV files of benchmark results, in the format of {@code PROBLEMS.md}. Stateless. */
public final class BenchReport {
    /** The CSV header of {@code bench samplers}. */
    public static final String SAMPLERS_HEADER = "problem,sampler,seed,trials,regret,sampler_ms_per_trial";
    /** The CSV header of {@code bench ask-cost}. */
    public static final String ASK_COST_HEADER =
            "sampler,history,dims,ms_per_ask,ms_in_delegate,ms_own,ms_paired_via,ms_paired_direct,objectives";

    private BenchReport() {
    }

    /**
     * A table with one line per (problem, sampler): the median regret at each checkpoint, the mean
     * regret at the last one and the sampler's milliseconds per trial over the whole run.
     */
    public static String samplersTable(List<SamplerBenchmark.Row> rows) {
        TreeSet<Integer> checkpoints = new TreeSet<>();
        Map<String, Map<Integer, List<SamplerBenchmark.Row>>> groups = new LinkedHashMap<>();
        for (SamplerBenchmark.Row r : rows) {
            checkpoints.add(r.trials());
            groups.computeIfAbsent(r.problem() + "\t" + r.sampler(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(r.trials(), k -> new ArrayList<>()).add(r);
        }
        StringBuilder sb = new StringBuilder();
        String columns = "%-18s %-" + width(rows.stream().map(SamplerBenchmark.Row::sampler)) + "s";
        sb.append(String.format(Locale.ROOT, columns, "problem", "sampler"));
        for (int c : checkpoints) {
            sb.append(String.format(Locale.ROOT, " %11s", "med@" + c));
        }
        sb.append(String.format(Locale.ROOT, " %11s %9s %6s%n", "mean@last", "ms/trial", "seeds"));
        for (var g : groups.entrySet()) {
            String[] key = g.getKey().split("\t");
            sb.append(String.format(Locale.ROOT, columns, key[0], key[1]));
            Map<Integer, List<SamplerBenchmark.Row>> byCheckpoint = g.getValue();
            int last = 0;
            for (int c : checkpoints) {
                List<SamplerBenchmark.Row> at = byCheckpoint.get(c);
                sb.append(at == null ? String.format(Locale.ROOT, " %11s", "-")
                        : String.format(Locale.ROOT, " %11s", number(median(regrets(at)))));
                if (at != null) {
                    last = c;
                }
            }
            List<SamplerBenchmark.Row> finalRows = byCheckpoint.get(last);
            double ms = finalRows.stream().mapToDouble(SamplerBenchmark.Row::samplerMsPerTrial).average().orElse(0);
            sb.append(String.format(Locale.ROOT, " %11s %9.3f %6d%n",
                    number(Arrays.stream(regrets(finalRows)).average().orElse(Double.NaN)), ms, finalRows.size()));
        }
        return sb.toString();
    }

    /** The width of a column of {@code names}: the longest, at least 18. */
    static int width(java.util.stream.Stream<String> names) {
        return Math.max(18, names.mapToInt(String::length).max().orElse(0));
    }

    /** A table of ask costs. */
    public static String askCostTable(List<AskCost.Row> rows) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-18s %10s %8s %5s %12s%n",
                "sampler", "objectives", "history", "dims", "ms/ask"));
        for (AskCost.Row r : rows) {
            sb.append(String.format(Locale.ROOT, "%-18s %10d %8d %5d %12.3f%n", r.sampler(), r.objectives(), r.history(),
                    r.dims(), r.msPerAsk()));
        }
        return sb.toString();
    }

    /**
     * For every delegate row of {@link AskCost} ({@code auto:gp}, ...): the time of its asks spent inside the delegate and
     * in the portfolio's own code (with its share of the ask), and its median against the delegate's sampler run alone
     * at the same history in the same run ({@link AskCost#alone}), as a ratio; and, where one delegate served all the
     * portfolio's asks, those asks against the same delegate asked directly in the same state ({@link PairedAsks}), as a
     * ratio: what the portfolio adds. Empty without delegate rows.
     */
    public static String askCostDelegates(List<AskCost.Row> rows) {
        StringBuilder sb = new StringBuilder();
        for (AskCost.Row r : rows) {
            int colon = r.sampler().indexOf(':');
            if (colon < 0) {
                continue;
            }
            if (sb.length() == 0) {
                sb.append(String.format(Locale.ROOT, "%ndelegate turns: ms/ask; of it inside the delegate, and in the"
                        + " portfolio's own code (share of the ask); against the delegate alone (same number of trials;"
                        + " the delegate alone learns from its own trials, so costs that depend on the history differ)%n"));
            }
            String delegate = r.sampler().substring(colon + 1);
            String portfolio = r.sampler().substring(0, colon);
            sb.append(String.format(Locale.ROOT, "  %-18s %8d %12.4f  in %s %.4f, %s's own %.4f (%.0f%%);  ", r.sampler(),
                    r.history(), r.msPerAsk(), delegate, r.msInDelegate(), portfolio, r.msOwn(),
                    100 * r.msOwn() / r.msPerAsk()));
            String alone = AskCost.alone(delegate);
            AskCost.Row other = rows.stream().filter(o -> o.sampler().equals(alone) && o.history() == r.history())
                    .findFirst().orElse(null);
            sb.append(other == null ? "(add " + alone + " to --samplers to compare)"
                    : String.format(Locale.ROOT, "%s alone %.4f: %+.1f%%", alone, other.msPerAsk(),
                            100 * (r.msPerAsk() / other.msPerAsk() - 1)));
            sb.append(String.format(Locale.ROOT, "%n  %27s ", ""));
            sb.append(Double.isNaN(r.msPairedVia()) ? "not paired with " + delegate + " asked directly: " + portfolio
                    + "'s other delegates ask between its turns, and their trials change its cost"
                    : String.format(Locale.ROOT, "paired with %s asked directly in the same state: %.4f against %.4f: %+.1f%%",
                            delegate, r.msPairedVia(), r.msPairedDirect(), 100 * (r.msPairedVia() / r.msPairedDirect() - 1)));
            sb.append('\n');
        }
        return sb.toString();
    }

    public static void writeSamplersCsv(List<SamplerBenchmark.Row> rows, Path file) {
        List<String> lines = new ArrayList<>();
        for (SamplerBenchmark.Row r : rows) {
            lines.add(String.join(",", r.problem(), r.sampler(), Integer.toString(r.seed()), Integer.toString(r.trials()),
                    exact(r.regret()), String.format(Locale.ROOT, "%.4f", r.samplerMsPerTrial())));
        }
        write(file, SAMPLERS_HEADER, lines);
    }

    private static String optional(double ms) {
        return Double.isNaN(ms) ? "" : String.format(Locale.ROOT, "%.4f", ms);
    }

    public static void writeAskCostCsv(List<AskCost.Row> rows, Path file) {
        List<String> lines = new ArrayList<>();
        for (AskCost.Row r : rows) {
            lines.add(String.join(",", r.sampler(), Integer.toString(r.history()), Integer.toString(r.dims()),
                    String.format(Locale.ROOT, "%.4f", r.msPerAsk()),
                    optional(r.msInDelegate()), optional(r.msOwn()), optional(r.msPairedVia()),
                    optional(r.msPairedDirect()), Integer.toString(r.objectives())));
        }
        write(file, ASK_COST_HEADER, lines);
    }

    /** Writes {@code header} and {@code lines} to {@code file}, creating its directory; rethrows I/O errors unchecked. */
    public static void write(Path file, String header, List<String> lines) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                w.write(header);
                w.write('\n');
                for (String line : lines) {
                    w.write(line);
                    w.write('\n');
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    static double[] regrets(List<SamplerBenchmark.Row> rows) {
        return rows.stream().mapToDouble(SamplerBenchmark.Row::regret).toArray();
    }

    /** The median (mean of the two middle values for an even count). */
    public static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n == 0 ? Double.NaN : n % 2 == 1 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
    }

    private static String number(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }

    private static String exact(double v) {
        return Double.toString(v);
    }
}
