package io.tunelab.bench.bbob;

import io.tunelab.bench.samplers.BenchReport;
import io.tunelab.search.SearchException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The CSV of {@code bench bbob}, written and read back, so that runs made by separate commands (a sampler
 * and its peers on two cores, a scratch build against the release) can be reported together by
 * {@code bench bbob-report}. Stateless.
 */
public final class BbobCsv {
    /** The header: one row per run. */
    public static final String HEADER = "function,dim,instance,sampler,trials,regret,normalized_regret,ms_per_trial,seed";

    private BbobCsv() {
    }

    /** Writes the rows under {@link #HEADER}. */
    public static void write(List<BbobBenchmark.Row> rows, Path file) {
        List<String> lines = new ArrayList<>();
        for (BbobBenchmark.Row r : rows) {
            lines.add(String.format(Locale.ROOT, "%d,%d,%d,%s,%d,%s,%s,%.4f,%d", r.function(), r.dim(), r.instance(),
                    r.sampler(), r.trials(), r.regret(), r.normalizedRegret(), r.msPerTrial(), r.seed()));
        }
        BenchReport.write(file, HEADER, lines);
    }

    /**
     * The rows of {@code files}, in order. Every file must start with {@link #HEADER}; all rows must have the
     * same budget ({@code trials}). A run (sampler, function, dimension, instance, seed) found again with the same regret
     * is the same run made twice (random search, the reference every {@code bench bbob} command runs) and is kept once;
     * found again with another regret, it is an error.
     *
     * @throws SearchException naming the file, the line and the field or the run at fault
     */
    public static List<BbobBenchmark.Row> read(List<Path> files) {
        List<BbobBenchmark.Row> rows = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        Map<String, Double> regrets = new HashMap<>();
        for (Path file : files) {
            List<String> lines = lines(file);
            if (lines.isEmpty() || !lines.get(0).strip().equals(HEADER)) {
                throw new SearchException(file + ": expected the header '" + HEADER + "' of bench bbob --out, got '"
                        + (lines.isEmpty() ? "" : lines.get(0)) + "'");
            }
            for (int i = 1; i < lines.size(); i++) {
                if (lines.get(i).isBlank()) {
                    continue;
                }
                String where = file + " line " + (i + 1);
                BbobBenchmark.Row row = parse(lines.get(i), where);
                if (!rows.isEmpty() && rows.get(0).trials() != row.trials()) {
                    throw new SearchException(where + ": trials " + row.trials() + ", but the rows before have "
                            + rows.get(0).trials() + "; report one budget at a time");
                }
                String run = String.format(Locale.ROOT, "sampler %s, f%d, D = %d, instance %d, seed %d", row.sampler(),
                        row.function(), row.dim(), row.instance(), row.seed());
                String first = seen.putIfAbsent(run, where);
                if (first == null) {
                    regrets.put(run, row.regret());
                    rows.add(row);
                } else if (Double.compare(regrets.get(run), row.regret()) != 0) {
                    throw new SearchException(where + ": the run of " + run + " has regret " + row.regret() + ", but at "
                            + first + " it has " + regrets.get(run) + "; a run is reported once");
                }
            }
        }
        return rows;
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new SearchException("cannot read " + file + ": no such file", e);
        } catch (IOException e) {
            throw new SearchException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static BbobBenchmark.Row parse(String line, String where) {
        String[] f = line.split(",", -1);
        String[] names = HEADER.split(",");
        if (f.length != names.length) {
            throw new SearchException(where + ": expected " + names.length + " fields (" + HEADER + "), got " + f.length);
        }
        return new BbobBenchmark.Row((int) integer(f, 0, names, where), (int) integer(f, 1, names, where),
                (int) integer(f, 2, names, where), f[3].strip(), (int) integer(f, 4, names, where), number(f, 5, names, where),
                number(f, 6, names, where), number(f, 7, names, where), integer(f, 8, names, where));
    }

    private static long integer(String[] f, int at, String[] names, String where) {
        try {
            long value = Long.parseLong(f[at].strip());
            if (at < names.length - 1 && (value < 0 || value > Integer.MAX_VALUE)) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new SearchException(where + ": " + names[at] + " must be a whole number, got '" + f[at] + "'");
        }
    }

    private static double number(String[] f, int at, String[] names, String where) {
        try {
            return Double.parseDouble(f[at].strip());
        } catch (NumberFormatException e) {
            throw new SearchException(where + ": " + names[at] + " must be a number, got '" + f[at] + "'");
        }
    }
}
