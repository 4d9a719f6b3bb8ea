package io.tunelab.bench.samplers;

import io.tunelab.search.SearchException;
import io.tunelab.search.sampler.RandomSampler;
import io.tunelab.search.sampler.RandomStreams;
import io.tunelab.search.sampler.Sampler;
import io.tunelab.search.storage.InMemoryStorage;
import io.tunelab.search.study.Study;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.Trial;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Measures what one {@code ask} costs a sampler as the history grows: a study is filled with
 * {@code history} completed random trials of a {@code dims}-dimensional sphere (with several objectives, one sphere
 * per objective, their centres spread along the diagonal, {@link #values}: a front of conflicting objectives, so
 * that a multi-objective sampler's non-dominated sorting meets many fronts), then loaded with the
 * sampler under test, which runs a few warm-up trials and then timed ones (ask, suggest every
 * parameter, tell), on the {@link AskClock} given: wall time (cheap to read; measure on an idle machine) or the asking
 * thread's CPU time (meaningful on a loaded machine, but each read costs a system call, counted in the asks of
 * microseconds it times, and more so for a portfolio, whose delegate calls are timed too). The whole sweep runs
 * {@code rounds} times, samplers interleaved, and each point reports its lowest round: the first round also pays for
 * compiling the code it runs first, which would otherwise decide a comparison of samplers by their order on the
 * command line. For a sampler that hands each trial to another ({@link io.tunelab.search.sampler.auto.AutoSampler}),
 * one more row per delegate gives the median of the asks that delegate served, named {@code auto:gp}, {@code
 * auto:cmaes}, ..., and the median time of those asks spent inside the delegate and in the portfolio's own code,
 * measured on the same asks, the same history and the same clock. The delegate can also be compared with the same
 * sampler run alone ({@link #alone}); that one learns from its own trials, not from the portfolio's, so where a
 * delegate's cost depends on what the history holds (TPE's does, CMA-ES's does through its state), the two differ for
 * that reason too; so where one delegate served every ask (CMA-ES once {@code auto} has handed over), its row also
 * gives the portfolio's asks paired with the same delegate asked directly in the same state ({@link PairedAsks}),
 * without the timers. Stateless.
 */
public final class AskCost {
    /** The name of the study every measurement fills and loads. */
    static final String STUDY = "ask-cost";
    private static final int WARMUP = 10;

    private AskCost() {
    }

    /**
     * One CSV row.
     *
     * @param sampler      sampler name, or {@code auto:DELEGATE} for the asks of a portfolio that one delegate served
     * @param history      completed trials before the timed asks
     * @param dims         number of float parameters
     * @param msPerAsk     median milliseconds per ask (with its suggestions) on the run's {@link AskClock}: the
     *                     median, not the mean, so that a collection or a compilation landing in one ask does
     *                     not decide a comparison of two samplers
     * @param msInDelegate for a delegate row, the median milliseconds of those asks spent inside the delegate's own
     *                     calls; NaN for other rows
     * @param msOwn        for a delegate row, the median milliseconds of those asks spent in the portfolio's own code:
     *                     inside the portfolio's calls but outside its delegate's (its choice and bookkeeping, and a read
     *                     of the trials that the delegate then shares); NaN for other rows. The rest of the ask is the
     *                     study's own work (storage, suggestions), the same whichever sampler runs
     * @param msPairedVia  for the row of a delegate that served every ask, the median milliseconds of the portfolio's
     *                     asks in {@link PairedAsks}' pairs (no timers inside); NaN for other rows
     * @param msPairedDirect for that row, the median milliseconds of the same delegate asked directly in those pairs,
     *                     in the same state; NaN for other rows
     * @param objectives   number of objectives of the study measured
     */
    public record Row(String sampler, int history, int dims, double msPerAsk, double msInDelegate, double msOwn,
                      double msPairedVia, double msPairedDirect, int objectives) {
        /** A row of a single-objective study. */
        public Row(String sampler, int history, int dims, double msPerAsk, double msInDelegate, double msOwn,
                   double msPairedVia, double msPairedDirect) {
            this(sampler, history, dims, msPerAsk, msInDelegate, msOwn, msPairedVia, msPairedDirect, 1);
        }

        /** A row of a sampler measured as a whole. */
        public Row(String sampler, int history, int dims, double msPerAsk, int objectives) {
            this(sampler, history, dims, msPerAsk, Double.NaN, Double.NaN, Double.NaN, Double.NaN, objectives);
        }

        /**
         * Over two rounds of one point: the figures of the round with the lower ask time, and the pair of the round
         * whose two paired medians add up lower (chosen by their sum, so that the choice does not favour either side;
         * a round without a pair loses to one with).
         */
        Row lowest(Row other) {
            Row whole = other.msPerAsk < msPerAsk ? other : this;
            Row paired = other.pairedSum() < pairedSum() ? other : this;
            return new Row(sampler, history, dims, whole.msPerAsk, whole.msInDelegate, whole.msOwn, paired.msPairedVia,
                    paired.msPairedDirect, objectives);
        }

        private double pairedSum() {
            double sum = msPairedVia + msPairedDirect;
            return Double.isNaN(sum) ? Double.POSITIVE_INFINITY : sum;
        }
    }

    /**
     * Measures every sampler at every history size, {@code rounds} times; rows in sampler, then history order, each
     * sampler's delegate rows after its own, each row the lowest of its rounds.
     */
    public static List<Row> run(List<String> samplers, List<Integer> histories, int dims, int asks, int rounds,
                                AskClock clock) {
        return run(samplers, histories, List.of(1), dims, asks, rounds, clock);
    }

    /**
     * As {@link #run(List, List, int, int, int, AskClock)}, for each number of objectives of {@code objectives} (a
     * sampler of one objective only is measured with one); rows in sampler, objectives, then history order.
     */
    public static List<Row> run(List<String> samplers, List<Integer> histories, List<Integer> objectives, int dims,
                                int asks, int rounds, AskClock clock) {
        for (int m : objectives) {
            if (m < 1) {
                throw new SearchException("--objectives: a count of objectives, expected >= 1, got " + m);
            }
        }
        if (dims < 1 || asks < 1 || rounds < 1) {
            throw new SearchException("dims, asks and rounds must be >= 1, got dims=" + dims + ", asks=" + asks
                    + ", rounds=" + rounds);
        }
        for (int h : histories) {
            if (h < 0) {
                throw new SearchException("--history: a history is a count of completed trials, expected >= 0, got " + h);
            }
        }
        Map<String, Row> lowest = new LinkedHashMap<>();
        for (int round = 0; round < rounds; round++) {
            for (String sampler : samplers) {
                for (int m : objectives) {
                    if (m > 1 && !SamplerCatalog.supportsMultiObjective(sampler)) {
                        continue;
                    }
                    for (int h : histories) {
                        for (Row r : measure(sampler, h, dims, m, asks, clock)) {
                            lowest.merge(r.sampler() + " " + r.objectives() + " " + r.history(), r, Row::lowest);
                        }
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
     * trials to delegates, one row per delegate that served some of the asks, with the time of those same asks spent
     * inside the delegate and in the portfolio's own code (the portfolio and each delegate are wrapped in a {@link
     * TimedSampler} on the same clock), and its {@link PairedAsks} pairs, measured on another study with the same
     * history.
     */
    public static List<Row> measure(String sampler, int history, int dims, int asks, AskClock clock) {
        return measure(sampler, history, dims, 1, asks, clock);
    }

    /**
     * As {@link #measure(String, int, int, int, AskClock)} on a study of {@code objectives} objectives (the pairs of a
     * portfolio's delegates are measured with one objective only).
     */
    public static List<Row> measure(String sampler, int history, int dims, int objectives, int asks, AskClock clock) {
        InMemoryStorage storage = history(history, dims, objectives, clock);
        List<TimedSampler> delegates = new ArrayList<>();
        UnaryOperator<Sampler> timeEach = d -> {
            TimedSampler timed = new TimedSampler(d, clock::now);
            delegates.add(timed);
            return timed;
        };
        List<TimedSampler> portfolio = new ArrayList<>();
        Function<RandomStreams, Sampler> factory = SamplerCatalog.factory(sampler, timeEach);
        Study study = load(storage, objectives, streams -> {
            Sampler s = factory.apply(streams);
            if (delegates.isEmpty()) {
                return s;
            }
            portfolio.add(new TimedSampler(s, clock::now));
            return portfolio.get(0);
        });
        for (int i = 0; i < WARMUP; i++) {
            runTrial(study, dims, portfolio, delegates, clock);
        }
        double[] ms = new double[asks];
        Map<String, List<double[]>> byDelegate = new LinkedHashMap<>();
        for (int i = 0; i < asks; i++) {
            Timed timed = runTrial(study, dims, portfolio, delegates, clock);
            ms[i] = timed.nanos() / 1e6;
            Object by = timed.trial().systemAttrs().get(Sampler.SAMPLER_ATTR);
            byDelegate.computeIfAbsent(String.valueOf(by), k -> new ArrayList<>()).add(new double[] {ms[i],
                timed.delegateNanos() / 1e6, (timed.samplerNanos() - timed.delegateNanos()) / 1e6});
        }
        List<Row> rows = new ArrayList<>();
        rows.add(new Row(sampler, history, dims, BenchReport.median(ms), objectives));
        if (!delegates.isEmpty()) {
            Map<String, PairedAsks.Pair> pairs = objectives == 1 ? PairedAsks.measure(sampler, history, dims, asks, clock)
                    : Map.of();
            PairedAsks.Pair none = new PairedAsks.Pair(Double.NaN, Double.NaN, 0);
            byDelegate.forEach((delegate, times) -> {
                PairedAsks.Pair pair = pairs.getOrDefault(delegate, none);
                rows.add(new Row(sampler + ":" + delegate, history, dims, median(times, 0), median(times, 1),
                        median(times, 2), pair.msVia(), pair.msDirect(), objectives));
            });
        }
        return rows;
    }

    /** A new in-memory storage holding study {@value #STUDY} with {@code history} completed random sphere trials. */
    static InMemoryStorage history(int history, int dims, AskClock clock) {
        return history(history, dims, 1, clock);
    }

    /** As {@link #history(int, int, AskClock)}, the study of {@code objectives} objectives, all minimised. */
    static InMemoryStorage history(int history, int dims, int objectives, AskClock clock) {
        InMemoryStorage storage = new InMemoryStorage();
        Study filler = Study.builder(STUDY).storage(storage).directions(directions(objectives)).seed(1)
                .sampler(new RandomSampler(1)).create();
        for (int i = 0; i < history; i++) {
            runTrial(filler, dims, List.of(), List.of(), clock);
        }
        return storage;
    }

    /** Study {@value #STUDY} of {@code storage}, loaded with the sampler {@code factory} makes (seed 1). */
    static Study load(InMemoryStorage storage, Function<RandomStreams, Sampler> factory) {
        return load(storage, 1, factory);
    }

    private static Study load(InMemoryStorage storage, int objectives, Function<RandomStreams, Sampler> factory) {
        return Study.builder(STUDY).storage(storage).directions(directions(objectives)).seed(1).sampler(factory).load();
    }

    private static Direction[] directions(int objectives) {
        Direction[] directions = new Direction[objectives];
        Arrays.fill(directions, Direction.MINIMIZE);
        return directions;
    }

    /**
     * The objective values of point {@code x}: with one objective the sphere, sum of x_j^2; with {@code m} objectives,
     * objective k the sphere centred at c_k in every coordinate, c_k spread evenly over [-2.5, 2.5].
     */
    static double[] values(double[] x, int m) {
        double[] values = new double[m];
        for (int k = 0; k < m; k++) {
            double centre = m == 1 ? 0 : -2.5 + 5.0 * k / (m - 1);
            for (double xj : x) {
                values[k] += (xj - centre) * (xj - centre);
            }
        }
        return values;
    }

    private static double median(List<double[]> times, int column) {
        return BenchReport.median(times.stream().mapToDouble(t -> t[column]).toArray());
    }

    /**
     * A finished trial, the nanoseconds from its ask to its last suggestion, and those of them spent inside the timed
     * portfolio and inside its timed delegates.
     */
    record Timed(long nanos, long samplerNanos, long delegateNanos, FrozenTrial trial) {
    }

    /** Runs one sphere trial, timing its ask and suggestions, and the timed samplers' share of them. */
    static Timed runTrial(Study study, int dims, List<TimedSampler> portfolio, List<TimedSampler> delegates,
                          AskClock clock) {
        long samplerBefore = sum(portfolio);
        long delegatesBefore = sum(delegates);
        long start = clock.now();
        Trial trial = study.ask();
        double[] x = new double[dims];
        for (int j = 0; j < dims; j++) {
            x[j] = trial.suggestFloat("x" + j, -5, 5);
        }
        long elapsed = clock.now() - start;
        return new Timed(elapsed, sum(portfolio) - samplerBefore, sum(delegates) - delegatesBefore,
                study.tell(trial, values(x, study.directions().size())));
    }

    private static long sum(List<TimedSampler> timed) {
        long sum = 0;
        for (TimedSampler t : timed) {
            sum += t.nanos();
        }
        return sum;
    }
}
