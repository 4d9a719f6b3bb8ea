package io.tunelab.bench.bbob;

import io.tunelab.bench.peer.PeerBox;
import io.tunelab.bench.peer.PeerProcess;
import io.tunelab.bench.peer.PeerRun;
import io.tunelab.bench.samplers.BenchReport;
import io.tunelab.bench.samplers.SamplerBenchmark;
import io.tunelab.bench.samplers.SamplerCatalog;
import io.tunelab.search.SearchException;
import io.tunelab.search.space.FloatDistribution;
import io.tunelab.search.space.InvalidDistributionException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs Tunelab samplers and peer processes side by side on BBOB functions × dimensions × instances:
 * every run has the same budget on the same instance and seed: run {@code k} (from 0) of an instance is
 * seeded with {@code instance + 1000 k}, so a single run per instance is seeded with the instance number. Tunelab
 * samplers run as real sequential studies ({@link SamplerBenchmark#runOne}), peers through
 * {@link PeerProcess}. Regret is the best value minus fopt; normalised regret divides it by the median
 * regret of {@code random} (always run) over the instances of the same function and dimension, so 0 is
 * the optimum and 1 is as good as random search. Stateless.
 */
public final class BbobBenchmark {
    /** The reference sampler of the normalisation. */
    public static final String REFERENCE = "random";

    private BbobBenchmark() {
    }

    /**
     * One CSV row.
     *
     * @param function         function number, 1–24
     * @param dim              dimension
     * @param instance         instance number
     * @param sampler          Tunelab sampler name or the peer's name
     * @param trials           budget
     * @param regret           best value minus fopt
     * @param normalizedRegret regret over random search's median regret on the same function and dimension
     * @param msPerTrial       the sampler's own milliseconds per trial
     * @param seed             the run's seed (see {@link #seed})
     */
    public record Row(int function, int dim, int instance, String sampler, int trials, double regret,
                      double normalizedRegret, double msPerTrial, long seed) {
    }

    /** The seed of run {@code run} (from 0) on {@code instance}: {@code instance + 1000 run}. */
    public static long seed(int instance, int run) {
        return instance + 1000L * run;
    }

    /**
     * What to run.
     *
     * @param functions function numbers
     * @param dims      dimensions, each {@code >= 2}
     * @param instances instance numbers
     * @param samplers  names of {@link SamplerCatalog}; {@code random} is added if missing
     * @param peers     peer command lines (see {@link PeerProcess}), may be empty
     * @param trials    budget per run, {@code >= 1}
     * @param runs      runs per instance and sampler, each with its own seed, {@code >= 1}
     * @param step      grid step of every coordinate (a stepped float, for discrete spaces), or 0 for continuous
     *                  coordinates; when set it must divide the width of [-5, 5]
     * @param firstRun  the number of the first run, {@code >= 0}: runs {@code firstRun} to {@code firstRun + runs - 1}
     *                  are made, run k seeded as {@link #seed(int, int)} says, so that a later command can take seeds
     *                  no earlier command used
     */
    public record Settings(List<Integer> functions, List<Integer> dims, List<Integer> instances, List<String> samplers,
                           List<String> peers, int trials, int runs, double step, int firstRun) {
        public Settings {
            if (trials < 1) {
                throw new SearchException("trials must be >= 1, got " + trials);
            }
            if (runs < 1) {
                throw new SearchException("runs must be >= 1, got " + runs);
            }
            if (firstRun < 0) {
                throw new SearchException("first run must be >= 0, got " + firstRun);
            }
            if (step != 0) {
                checkStep(step);
            }
            if (functions.isEmpty() || dims.isEmpty() || instances.isEmpty()) {
                throw new SearchException("functions, dims and instances must not be empty");
            }
            for (int id : functions) {
                for (int dim : dims) {
                    for (int instance : instances) {
                        BbobSuite.check(id, dim, instance);
                    }
                }
            }
            LinkedHashSet<String> names = new LinkedHashSet<>(samplers);
            names.add(REFERENCE);
            names.forEach(SamplerCatalog::factory);
            samplers = List.copyOf(names);
            functions = List.copyOf(functions);
            dims = List.copyOf(dims);
            instances = List.copyOf(instances);
            peers = List.copyOf(peers);
        }

        /** Settings whose runs start at run 0. */
        public Settings(List<Integer> functions, List<Integer> dims, List<Integer> instances, List<String> samplers,
                        List<String> peers, int trials, int runs, double step) {
            this(functions, dims, instances, samplers, peers, trials, runs, step, 0);
        }

        /** Settings with continuous coordinates (step 0) whose runs start at run 0. */
        public Settings(List<Integer> functions, List<Integer> dims, List<Integer> instances, List<String> samplers,
                        List<String> peers, int trials, int runs) {
            this(functions, dims, instances, samplers, peers, trials, runs, 0, 0);
        }

        private static void checkStep(double step) {
            try {
                FloatDistribution.stepped(BbobFunction.LOWER, BbobFunction.UPPER, step);
            } catch (InvalidDistributionException e) {
                throw new SearchException("step must be 0 (continuous) or a positive number that divides 10, the width "
                        + "of [-5, 5], got " + step);
            }
        }
    }

    /** Runs everything, reporting each finished run and function × dimension to {@code progress}; rows in run order. */
    public static List<Row> run(Settings settings, Consumer<String> progress) {
        List<PeerProcess> peers = PeerProcess.startAll(settings.peers());
        try {
            List<Row> raw = new ArrayList<>();
            for (int dim : settings.dims()) {
                for (int id : settings.functions()) {
                    long start = System.nanoTime();
                    for (int instance : settings.instances()) {
                        BbobFunction f = BbobSuite.function(id, dim, instance);
                        PeerBox box = PeerBox.cube(dim, BbobFunction.LOWER, BbobFunction.UPPER, settings.step());
                        for (int run = settings.firstRun(); run < settings.firstRun() + settings.runs(); run++) {
                            long seed = seed(instance, run);
                            for (String sampler : settings.samplers()) {
                                raw.add(report(runTunelab(f, sampler, settings.trials(), settings.step(), seed), progress));
                            }
                            for (PeerProcess peer : peers) {
                                PeerRun r = peer.run(box, f::value, seed, settings.trials());
                                raw.add(report(new Row(id, dim, instance, peer.name(), settings.trials(),
                                        r.bestValue() - f.fopt(), Double.NaN, r.msPerTrial(), seed), progress));
                            }
                        }
                    }
                    progress.accept(String.format("f%d d%d: %d runs in %.1f s", id, dim,
                            settings.instances().size() * settings.runs() * (settings.samplers().size() + peers.size()),
                            (System.nanoTime() - start) / 1e9));
                }
            }
            return normalize(raw);
        } finally {
            peers.forEach(PeerProcess::close);
        }
    }

    private static Row report(Row row, Consumer<String> progress) {
        progress.accept(String.format(Locale.ROOT, "  f%d d%d i%d s%d %s: regret %.6g, %.3f ms/trial", row.function(),
                row.dim(), row.instance(), row.seed(), row.sampler(), row.regret(), row.msPerTrial()));
        return row;
    }

    private static Row runTunelab(BbobFunction f, String sampler, int trials, double step, long seed) {
        List<SamplerBenchmark.Row> rows = SamplerBenchmark.runOne(f.problem(trials).withStep(step), sampler,
                Math.toIntExact(seed), trials);
        SamplerBenchmark.Row last = rows.get(rows.size() - 1);
        return new Row(f.id(), f.dim(), f.instance(), sampler, trials, last.regret(), Double.NaN, last.samplerMsPerTrial(),
                seed);
    }

    /**
     * Fills in normalised regret: regret over the reference sampler's median regret on the same function and dimension
     * among {@code rows}; a row of a function and dimension without reference rows keeps the value it has.
     */
    public static List<Row> normalize(List<Row> rows) {
        Map<List<Integer>, List<Double>> reference = new HashMap<>();
        for (Row r : rows) {
            if (r.sampler().equals(REFERENCE)) {
                reference.computeIfAbsent(List.of(r.function(), r.dim()), k -> new ArrayList<>()).add(r.regret());
            }
        }
        List<Row> out = new ArrayList<>();
        for (Row r : rows) {
            List<Double> ref = reference.get(List.of(r.function(), r.dim()));
            if (ref == null) {
                out.add(r);
                continue;
            }
            double median = BenchReport.median(ref.stream().mapToDouble(Double::doubleValue).toArray());
            double normalized = median > 0 ? r.regret() / median : r.regret() <= 0 ? 0 : Double.POSITIVE_INFINITY;
            out.add(new Row(r.function(), r.dim(), r.instance(), r.sampler(), r.trials(), r.regret(), normalized,
                    r.msPerTrial(), r.seed()));
        }
        return out;
    }
}
