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
 * which stays meaningful on a shared, loaded machine. Stateless.
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
     * @param msPerAsk mean milliseconds per ask (with its suggestions)
     */
    public record Row(String sampler, int history, int dims, double msPerAsk) {
    }

    /** Measures every sampler at every history size. */
    public static List<Row> run(List<String> samplers, List<Integer> histories, int dims, int asks) {
        if (dims < 1 || asks < 1) {
            throw new SearchException("dims and asks must be >= 1, got dims=" + dims + ", asks=" + asks);
        }
        List<Row> rows = new ArrayList<>();
        for (String sampler : samplers) {
            for (int h : histories) {
                rows.add(measure(sampler, h, dims, asks));
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
        long total = 0;
        for (int i = 0; i < asks; i++) {
            total += runTrial(study, dims);
        }
        return new Row(sampler, history, dims, total / 1e6 / asks);
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
