package io.tunelab.bench.samplers;

import io.tunelab.search.SearchException;
import io.tunelab.search.sampler.RandomSampler;
import io.tunelab.search.storage.InMemoryStorage;
import io.tunelab.search.study.Study;
import io.tunelab.search.trial.Trial;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures what one {@code ask} costs a sampler as the history grows: a study is filled with
 * {@code history} completed random trials of a {@code dims}-dimensional sphere, then loaded with the
 * sampler under test, which runs a few warm-up trials and then timed ones (ask, suggest every
 * parameter, tell). Time is the asking thread's CPU time (wall time where the JVM cannot measure it),
 * which stays meaningful on a shared, loaded machine. The whole sweep runs {@code rounds} times, samplers
 * interleaved, and each point reports its lowest round: the first round also pays for compiling the code
 * it runs first, which would otherwise decide a comparison of samplers by their order on the command line.
 * Stateless.
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

    /** Measures every sampler at every history size, {@code rounds} times; rows in sampler, then history order. */
    public static List<Row> run(List<String> samplers, List<Integer> histories, int dims, int asks, int rounds) {
        if (dims < 1 || asks < 1 || rounds < 1) {
            throw new SearchException("dims, asks and rounds must be >= 1, got dims=" + dims + ", asks=" + asks
                    + ", rounds=" + rounds);
        }
        List<Row> rows = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            int i = 0;
            for (String sampler : samplers) {
                for (int h : histories) {
                    Row r = measure(sampler, h, dims, asks);
                    if (round == 0) {
                        rows.add(r);
                    } else if (r.msPerAsk() < rows.get(i).msPerAsk()) {
                        rows.set(i, r);
                    }
                    i++;
                }
            }
        }
        return rows;
    }

    /** Milliseconds per ask of {@code sampler} after {@code history} completed trials. */
    public static Row measure(String sampler, int history, int dims, int asks) {
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
        for (int i = 0; i < asks; i++) {
            ms[i] = runTrial(study, dims) / 1e6;
        }
        return new Row(sampler, history, dims, BenchReport.median(ms));
    }

    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    private static long now() {
        return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
    }

    /** Runs one sphere trial; returns the nanoseconds from ask to the last suggestion. */
    private static long runTrial(Study study, int dims) {
        long start = now();
        Trial trial = study.ask();
        double sum = 0;
        for (int j = 0; j < dims; j++) {
            double x = trial.suggestFloat("x" + j, -5, 5);
            sum += x * x;
        }
        long elapsed = now() - start;
        study.tell(trial, sum);
        return elapsed;
    }
}
