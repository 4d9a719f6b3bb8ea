package io.tunelab.bench.samplers;

import io.tunelab.search.sampler.ForwardingSampler;
import io.tunelab.search.sampler.RandomStreams;
import io.tunelab.search.sampler.Sampler;
import io.tunelab.search.storage.InMemoryStorage;
import io.tunelab.search.study.Study;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.StudyView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Times a portfolio's asks against its delegates' in the same state. After {@code history} completed random trials,
 * trials are asked in pairs: one through the portfolio, one from the delegate that served it, asked directly (the same
 * instance, on the same study, so with the same state and nearly the same history: the second ask of a pair sees one
 * trial more). Pairs alternate their order (portfolio first, then delegate first), so neither side always asks first
 * after a tell: the first ask of a CMA-ES generation pays for its update, and with an even population a fixed order
 * would put every update on one side. A pair whose second ask would go to another delegate than its first (the
 * portfolio's turn changed) is dropped. What the portfolio adds to its delegate is then the difference of the two
 * medians, with nothing in it that depends on the delegate's history or state, provided that one delegate served every
 * ask of the portfolio (as CMA-ES does once {@code auto} hands over): where the portfolio alternates delegates (GP and
 * TPE turns), a delegate asked through it has other delegates' trials and computations between its asks, asked
 * directly just its own, and its cost depends on that (TPE's ask costs 1.5 to 2 times as much after two trials of
 * another sampler as after one of its own, in a scratch measurement), so no pairs are reported then. Before the timed
 * pairs, untimed ones run on throwaway studies with the same history, {@value #WARMUP_PAIRS_PER_STUDY} pairs each (so
 * their history grows by at most twice that), until {@value #WARMUP_MOST_PAIRS} pairs or three seconds, so that the JIT
 * compiler has compiled both paths fully: asks of microseconds are otherwise timed partly in the interpreter (in three
 * rounds of 110 asks, CMA-ES's asks at 250 trials took 0.02 ms instead of 0.007), and with one throwaway study of at
 * most 5,000 pairs the first round put {@code auto} over CMA-ES at +7% to +16% and the later rounds of the same process
 * at +0.3% to +8% (three processes of twelve rounds, wall clock, 250 trials, 10 dimensions). Stateless.
 */
final class PairedAsks {
    private static final int WARMUP_PAIRS = 10;
    private static final long WARMUP_NANOS = 3_000_000_000L;
    private static final int WARMUP_MOST_PAIRS = 20_000;
    private static final int WARMUP_PAIRS_PER_STUDY = 250;

    private PairedAsks() {
    }

    /**
     * Median milliseconds per ask of the pairs of one delegate.
     *
     * @param msVia    asks through the portfolio that the delegate served
     * @param msDirect the same delegate asked directly, paired with those
     * @param pairs    pairs kept
     */
    record Pair(double msVia, double msDirect, int pairs) {
    }

    /**
     * The medians of the pairs of the delegate of portfolio {@code sampler} that served every one of {@code asks} timed
     * pairs, by the name its trials record in {@link Sampler#SAMPLER_ATTR}; empty for a sampler without delegates or
     * when the portfolio's asks went to more than one delegate.
     */
    static Map<String, Pair> measure(String sampler, int history, int dims, int asks, AskClock clock) {
        long end = System.nanoTime() + WARMUP_NANOS;
        int pairs = 0;
        do {
            Pairing warmUp = Pairing.of(sampler, AskCost.history(history, dims, clock));
            if (warmUp == null) {
                return Map.of();
            }
            for (int i = 0; i < WARMUP_PAIRS_PER_STUDY && pairs < WARMUP_MOST_PAIRS && System.nanoTime() < end; i++) {
                warmUp.pair(i, dims, clock);
                pairs++;
            }
        } while (pairs < WARMUP_MOST_PAIRS && System.nanoTime() < end);
        return measure(sampler, AskCost.history(history, dims, clock), dims, asks, clock);
    }

    /**
     * As {@link #measure(String, int, int, int, AskClock)}, on a storage already holding {@link AskCost#history} and
     * without the warm-up on a throwaway study: the pairs' trials follow in it, {@value #WARMUP_PAIRS} untimed pairs
     * first, and the two trials of a pair are numbered one after the other (the portfolio's first in pairs of even
     * index, counted from 0 after the untimed ones).
     */
    static Map<String, Pair> measure(String sampler, InMemoryStorage storage, int dims, int asks, AskClock clock) {
        Pairing pairing = Pairing.of(sampler, storage);
        if (pairing == null) {
            return Map.of();
        }
        Map<String, List<double[]>> byDelegate = new LinkedHashMap<>();
        for (int i = -WARMUP_PAIRS; i < asks; i++) {
            TimedPair pair = pairing.pair(i, dims, clock);
            if (i >= 0 && pair.delegate() != null) {
                byDelegate.computeIfAbsent(pair.delegate(), k -> new ArrayList<>()).add(pair.ms());
            }
        }
        if (byDelegate.size() != 1 || byDelegate.values().iterator().next().size() != asks) {
            return Map.of();
        }
        Map.Entry<String, List<double[]>> only = byDelegate.entrySet().iterator().next();
        List<double[]> times = only.getValue();
        return Map.of(only.getKey(), new Pair(median(times, 0), median(times, 1), times.size()));
    }

    /** One pair's milliseconds (through the portfolio, direct) and the delegate's name, null for a dropped pair. */
    private record TimedPair(double[] ms, String delegate) {
    }

    /** A portfolio loaded on a storage, with the studies that ask its delegates directly on the same storage. */
    private static final class Pairing {
        private final InMemoryStorage storage;
        private final AtomicReference<Served> last;
        private final Study via;
        private final Map<Served, Study> direct = new HashMap<>();

        private Pairing(InMemoryStorage storage, AtomicReference<Served> last, Study via) {
            this.storage = storage;
            this.last = last;
            this.via = via;
        }

        /** The portfolio {@code sampler} on {@code storage}, or null when {@code sampler} has no delegates. */
        static Pairing of(String sampler, InMemoryStorage storage) {
            AtomicReference<Served> last = new AtomicReference<>();
            List<Served> delegates = new ArrayList<>();
            Function<RandomStreams, Sampler> factory = SamplerCatalog.factory(sampler, d -> {
                Served s = new Served(d, last);
                delegates.add(s);
                return s;
            });
            Study via = AskCost.load(storage, factory);
            return delegates.isEmpty() ? null : new Pairing(storage, last, via);
        }

        /** Pair {@code i}: the portfolio's ask first when {@code i} is even, the delegate's first when it is odd. */
        TimedPair pair(int i, int dims, AskClock clock) {
            double[] ms = new double[2];
            if (i % 2 == 0) {
                AskCost.Timed a = AskCost.runTrial(via, dims, List.of(), List.of(), clock);
                ms[0] = a.nanos() / 1e6;
                ms[1] = AskCost.runTrial(direct(last.get()), dims, List.of(), List.of(), clock).nanos() / 1e6;
                return new TimedPair(ms, String.valueOf(a.trial().systemAttrs().get(Sampler.SAMPLER_ATTR)));
            }
            Served served = last.get();
            ms[1] = AskCost.runTrial(direct(served), dims, List.of(), List.of(), clock).nanos() / 1e6;
            AskCost.Timed a = AskCost.runTrial(via, dims, List.of(), List.of(), clock);
            ms[0] = a.nanos() / 1e6;
            return new TimedPair(ms, last.get() == served
                    ? String.valueOf(a.trial().systemAttrs().get(Sampler.SAMPLER_ATTR)) : null);
        }

        private Study direct(Served served) {
            return direct.computeIfAbsent(served, s -> AskCost.load(storage, streams -> s));
        }
    }

    private static double median(List<double[]> times, int column) {
        return BenchReport.median(times.stream().mapToDouble(t -> t[column]).toArray());
    }

    /**
     * Forwards every call to a delegate and records, as the trial starts, that it serves it: the same wrapper on both
     * sides of a pair, so its few nanoseconds cancel.
     */
    private static final class Served extends ForwardingSampler {
        private final AtomicReference<Served> last;

        Served(Sampler delegate, AtomicReference<Served> last) {
            super(delegate);
            this.last = last;
        }

        @Override
        public void beforeTrial(StudyView study, FrozenTrial trial) {
            last.set(this);
            super.beforeTrial(study, trial);
        }
    }
}
