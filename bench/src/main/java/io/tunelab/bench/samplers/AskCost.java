package io.tunelab.bench.samplers;

import io.tunelab.search.SearchException;
import io.tunelab.search.sampler.RandomSampler;
import io.tunelab.search.sampler.Sampler;
import io.tunelab.search.sampler.auto.AutoSampler;
import io.tunelab.search.storage.InMemoryStorage;
import io.tunelab.search.study.Study;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.Trial;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Measures what one {@code ask} costs a sampler as the history grows: a study is filled with
 * {@code history} completed random trials of a {@code dims}-dimensional sphere, then loaded with the
 * sampler under test, which runs a few warm-up trials and then timed ones (ask, suggest every
 * parameter, tell). Time is the asking thread's CPU time (wall time where the JVM cannot measure it),
 * which stays meaningful on a shared, loaded machine. The whole sweep runs {@code rounds} times, samplers
 * interleaved, and each point reports its lowest round: the first round also pays for compiling the code
 * it runs first, which would otherwise decide a comparison of samplers by their order on the command line.
 * For a sampler that hands each trial to another ({@link AutoSampler}), one more row per delegate gives the median
 * of the asks that delegate served, named {@code auto:gp}, {@code auto:cmaes}, ..., to compare with the delegate
 * run alone ({@link #alone}). The delegate alone learns from its own trials, not from the portfolio's, so where a
 * delegate's cost depends on what the history holds (TPE's does, GP's and CMA-ES's hardly), the two differ for that
 * reason too. Stateless.
 */
public final class AskCost {
    private static final int WARMUP = 10;

    private AskCost() {
    }

    /**
     * One CSV row.
     *
     * @param sampler  sampler name
     * @param history  completed trials before the timed asks
     * @param dims     number of float parameters
     * @param msPerAsk median CPU milliseconds per ask (with its suggestions) of the calling thread: the
     *                 median, not the mean, so that a collection or a compilation landing in one ask does
     *                 not decide a comparison of two samplers
     */
    public record Row(String sampler, int history, int dims, double msPerAsk) {
    }

    /**
     * Measures every sampler at every history size, {@code rounds} times; rows in sampler, then history order, each
     * sampler's delegate rows after its own, each row the lowest of its rounds.
     */
    public static List<Row> run(List<String> samplers, List<Integer> histories, int dims, int asks, int rounds) {
        if (dims < 1 || asks < 1 || rounds < 1) {
            throw new SearchException("dims, asks and rounds must be >= 1, got dims=" + dims + ", asks=" + asks
                    + ", rounds=" + rounds);
        }
        Map<String, Row> lowest = new LinkedHashMap<>();
        for (int round = 0; round < rounds; round++) {
            for (String sampler : samplers) {
                for (int h : histories) {
                    for (Row r : measure(sampler, h, dims, asks)) {
                        lowest.merge(r.sampler() + " " + r.history(), r, (a, b) -> b.msPerAsk() < a.msPerAsk() ? b : a);
                    }
                }
            }
        }
        return List.copyOf(lowest.values());
    }

    /**
     * The sampler of the catalogue that runs alone what {@code auto}'s delegate {@code delegate} (a trial's
     * {@link Sampler#SAMPLER_ATTR}) runs for it: its TPE turns are TPE without the model credit.
     */
    public static String alone(String delegate) {
        return delegate.equals("tpe") ? "tpe-no-credit" : delegate;
    }

    /**
     * Milliseconds per ask of {@code sampler} after {@code history} completed trials: its row and, when it hands
     * trials to delegates, one row per delegate that served some of the asks.
     */
    public static List<Row> measure(String sampler, int history, int dims, int asks) {
        InMemoryStorage storage = new InMemoryStorage();
        Study filler = Study.builder("ask-cost").storage(storage).seed(1).sampler(new RandomSampler(1)).create();
        for (int i = 0; i < history; i++) {
            runTrial(filler, dims);
        }
        Study study = Study.builder("ask-cost").storage(storage).seed(1).sampler(SamplerCatalog.factory(sampler)).load();
        for (int i = 0; i < WARMUP; i++) {
            runTrial(study, dims);
        }
        double[] ms = new double[asks];
        Map<String, List<Double>> byDelegate = new LinkedHashMap<>();
        for (int i = 0; i < asks; i++) {
            Timed timed = runTrial(study, dims);
            ms[i] = timed.nanos() / 1e6;
            Object by = timed.trial().systemAttrs().get(Sampler.SAMPLER_ATTR);
            byDelegate.computeIfAbsent(String.valueOf(by), k -> new ArrayList<>()).add(ms[i]);
        }
        List<Row> rows = new ArrayList<>();
        rows.add(new Row(sampler, history, dims, BenchReport.median(ms)));
        if (study.sampler() instanceof AutoSampler) {
            byDelegate.forEach((delegate, times) -> rows.add(new Row(sampler + ":" + delegate, history, dims,
                    BenchReport.median(times.stream().mapToDouble(Double::doubleValue).toArray()))));
        }
        return rows;
    }

    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    private static long now() {
        return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
    }

    /** A finished trial and the nanoseconds from its ask to its last suggestion. */
    private record Timed(long nanos, FrozenTrial trial) {
    }

    /** Runs one sphere trial. */
    private static Timed runTrial(Study study, int dims) {
        long start = now();
        Trial trial = study.ask();
        double sum = 0;
        for (int j = 0; j < dims; j++) {
            double x = trial.suggestFloat("x" + j, -5, 5);
            sum += x * x;
        }
        long elapsed = now() - start;
        return new Timed(elapsed, study.tell(trial, sum));
    }
}
