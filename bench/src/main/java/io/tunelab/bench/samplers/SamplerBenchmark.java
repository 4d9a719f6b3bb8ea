package io.tunelab.bench.samplers;

import io.tunelab.search.SearchException;
import io.tunelab.search.sampler.RandomStreams;
import io.tunelab.search.storage.InMemoryStorage;
import io.tunelab.search.study.OptimizeOptions;
import io.tunelab.search.study.Study;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.Hypervolume;
import io.tunelab.search.trial.TrialState;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

/**
 * Runs samplers × problems × seeds, each run a real sequential {@link Study} on in-memory storage,
 * and reports regret (best value minus f*; for two objectives the true front's hypervolume minus the
 * found front's) and sampler milliseconds per trial at the checkpoints 10, 25, 50, 100, 200 that the
 * run reaches, plus its last trial. Runs are independent and may run on several threads. Stateless.
 */
public final class SamplerBenchmark {
    private static final int[] CHECKPOINTS = {10, 25, 50, 100, 200};

    private SamplerBenchmark() {
    }

    /**
     * One CSV row.
     *
     * @param problem            problem name
     * @param sampler            sampler name
     * @param seed               study seed
     * @param trials             checkpoint (trials so far)
     * @param regret             regret or hypervolume deficit at the checkpoint
     * @param samplerMsPerTrial  sampler wall time per trial over the trials so far
     * @param boundShare         on a box ({@link ContinuousProblem}): the share of proposals after the start-up with a
     *                           coordinate on a bound ({@link BoundHits}); NaN otherwise or before trial 11
     */
    public record Row(String problem, String sampler, int seed, int trials, double regret, double samplerMsPerTrial,
                      double boundShare) {

        /** A row without a bound share. */
        public Row(String problem, String sampler, int seed, int trials, double regret, double samplerMsPerTrial) {
            this(problem, sampler, seed, trials, regret, samplerMsPerTrial, Double.NaN);
        }
    }

    /**
     * What to run.
     *
     * @param problems problems
     * @param samplers sampler names of {@link SamplerCatalog}
     * @param firstSeed the first study seed, {@code >= 1}
     * @param seeds    how many seeds: {@code firstSeed .. firstSeed + seeds - 1}
     * @param trials   trials per run, or 0 for each problem's default
     * @param threads  runs executed at once
     * @param peers    peer command lines run side by side on the problems they can run ({@link PeerRuns}), may be empty
     * @param noise    observation noise: its standard deviation over the problem's {@link NoiseScale}, 0 for none; with
     *                 noise, problems of several objectives are skipped and regret is that of the best observed trial
     *                 ({@link NoisyRun})
     */
    public record Settings(List<BenchProblem> problems, List<String> samplers, int firstSeed, int seeds, int trials,
                           int threads, List<String> peers, double noise) {
        public Settings {
            if (!(noise >= 0) || Double.isInfinite(noise)) {
                throw new SearchException("--noise must be a finite number >= 0 (the noise's standard deviation over the"
                        + " problem's spread), got " + noise);
            }
            if (firstSeed < 1) {
                throw new SearchException("first seed must be >= 1, got " + firstSeed);
            }
            if (seeds < 1) {
                throw new SearchException("seeds must be >= 1, got " + seeds);
            }
            if (trials < 0) {
                throw new SearchException("trials must be >= 0 (0 = each problem's default), got " + trials);
            }
            if (threads < 1) {
                throw new SearchException("threads must be >= 1, got " + threads);
            }
            problems = List.copyOf(problems);
            samplers = List.copyOf(samplers);
            peers = List.copyOf(peers);
        }

        /** Without observation noise. */
        public Settings(List<BenchProblem> problems, List<String> samplers, int firstSeed, int seeds, int trials,
                        int threads, List<String> peers) {
            this(problems, samplers, firstSeed, seeds, trials, threads, peers, 0);
        }

        /** The problems that run: all, or with noise those of a single objective. */
        public List<BenchProblem> runnable() {
            return noise == 0 ? problems : problems.stream().filter(p -> !p.isMultiObjective()).toList();
        }

        /** Tunelab's samplers alone, no peer. */
        public Settings(List<BenchProblem> problems, List<String> samplers, int firstSeed, int seeds, int trials,
                        int threads) {
            this(problems, samplers, firstSeed, seeds, trials, threads, List.of());
        }

        /** Seeds 1..{@code seeds}, the seeds of {@code shared/bench/ANCHORS.md}. */
        public Settings(List<BenchProblem> problems, List<String> samplers, int seeds, int trials, int threads) {
            this(problems, samplers, 1, seeds, trials, threads);
        }

        /** The quick setting the test suite runs: branin and zdt1; random, TPE and NSGA-II; two seeds, 25 trials. */
        public static Settings quick() {
            return new Settings(List.of(BenchProblems.byName("branin"), BenchProblems.byName("zdt1")),
                    List.of("random", "tpe", "nsga2"), 2, 25, 1);
        }
    }

    /** The checkpoints reached by a run of {@code trials} trials. */
    public static List<Integer> checkpoints(int trials) {
        List<Integer> out = new ArrayList<>();
        for (int c : CHECKPOINTS) {
            if (c <= trials) {
                out.add(c);
            }
        }
        if (out.isEmpty() || out.get(out.size() - 1) != trials) {
            out.add(trials);
        }
        return out;
    }

    /**
     * Runs everything, the peers after the Tunelab samplers; rows ordered by problem, sampler, seed, checkpoint (a
     * problem's peer rows after its samplers'). Pairs of a multi-objective problem and a single-objective sampler are
     * skipped, and so are the problems a peer cannot run ({@link PeerRuns#canRun(BenchProblem, double)}) and, with noise, the problems of
     * several objectives ({@link Settings#runnable}).
     */
    public static List<Row> run(Settings settings) {
        List<java.util.concurrent.Callable<List<Row>>> jobs = new ArrayList<>();
        for (BenchProblem p : settings.runnable()) {
            int trials = settings.trials() > 0 ? settings.trials() : p.defaultTrials();
            for (String s : settings.samplers()) {
                if (p.isMultiObjective() && !SamplerCatalog.supportsMultiObjective(s)) {
                    continue;
                }
                IntStream.range(settings.firstSeed(), settings.firstSeed() + settings.seeds())
                        .forEach(seed -> jobs.add(() -> runOne(p, s, seed, trials, settings.noise())));
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(settings.threads());
        try (PeerRuns peers = PeerRuns.start(settings.peers())) {
            List<Future<List<Row>>> futures = new ArrayList<>();
            for (var job : jobs) {
                futures.add(pool.submit(job));
            }
            List<Row> rows = new ArrayList<>();
            for (Future<List<Row>> f : futures) {
                rows.addAll(f.get());
            }
            rows.addAll(peers.run(settings.runnable(), settings.firstSeed(), settings.seeds(), settings.trials(),
                    settings.noise()));
            List<String> order = settings.runnable().stream().map(BenchProblem::name).toList();
            rows.sort(java.util.Comparator.comparingInt(r -> order.indexOf(r.problem()))); // stable: peers after samplers
            return rows;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SearchException("benchmark interrupted", e);
        } catch (ExecutionException e) {
            throw new SearchException("benchmark run failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** One run: {@code trials} trials of {@code sampler} on {@code problem} with study seed {@code seed}. */
    public static List<Row> runOne(BenchProblem problem, String sampler, int seed, int trials) {
        return runOne(problem, sampler, seed, trials, 0);
    }

    /**
     * One run whose values carry observation noise of standard deviation {@code noise} × the problem's {@link
     * NoiseScale} (0: none); with noise the regret is that of the trial with the best observed value ({@link NoisyRun}).
     */
    public static List<Row> runOne(BenchProblem problem, String sampler, int seed, int trials, double noise) {
        NoisyRun noisy = noise == 0 ? null : new NoisyRun(noise * NoiseScale.of(problem), seed);
        TimedSampler timed = new TimedSampler(SamplerCatalog.factory(sampler).apply(RandomStreams.seeded(seed)));
        Study study = Study.builder(problem.name() + "/" + sampler + "/" + seed)
                .storage(new InMemoryStorage())
                .directions(problem.directions().toArray(new Direction[0]))
                .seed(seed)
                .sampler(timed)
                .create();
        long[] nanosAfter = new long[trials];
        study.optimizeMulti(noisy == null ? problem::evaluate : t -> new double[] {noisy.observe(problem.evaluate(t)[0])},
                OptimizeOptions.trials(trials).withParallelism(1)
                .withCallback((s, t) -> nanosAfter[t.number()] = timed.nanos()));
        List<FrozenTrial> all = study.trials();
        BoundHits hits = null;
        if (problem instanceof ContinuousProblem c) {
            hits = new BoundHits(c);
            for (FrozenTrial t : all) {
                hits.record(point(t, c.dimension()));
            }
        }
        List<Row> rows = new ArrayList<>();
        for (int k : checkpoints(trials)) {
            List<FrozenTrial> first = all.subList(0, k);
            double regret = problem.isMultiObjective()
                    ? problem.optimum() - Hypervolume.of(values(first), problem.referencePoint())
                    : (noisy == null ? bestValue(first) : noisy.trueValueOfBestAfter(k)) - problem.optimum();
            rows.add(new Row(problem.name(), sampler, seed, k, regret, nanosAfter[k - 1] / 1e6 / k,
                    hits == null ? Double.NaN : hits.shareAfterStartUp(k)));
        }
        return rows;
    }

    /** The point of a trial of a {@link ContinuousProblem}: its floats {@code x0, x1, ...}. */
    private static double[] point(FrozenTrial t, int dimension) {
        double[] x = new double[dimension];
        for (int i = 0; i < dimension; i++) {
            x[i] = ((Number) t.params().get("x" + i)).doubleValue();
        }
        return x;
    }

    private static double bestValue(List<FrozenTrial> trials) {
        double best = Double.POSITIVE_INFINITY;
        for (FrozenTrial t : trials) {
            if (t.state() == TrialState.COMPLETE) {
                best = Math.min(best, t.value());
            }
        }
        return best;
    }

    private static List<double[]> values(List<FrozenTrial> trials) {
        List<double[]> out = new ArrayList<>();
        for (FrozenTrial t : trials) {
            if (t.state() == TrialState.COMPLETE) {
                out.add(new double[] {t.values().get(0), t.values().get(1)});
            }
        }
        return out;
    }
}
