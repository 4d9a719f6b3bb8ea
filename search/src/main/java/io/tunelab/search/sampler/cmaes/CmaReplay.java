package io.tunelab.search.sampler.cmaes;

import io.tunelab.search.sampler.NewTrials;
import io.tunelab.search.sampler.RandomStreams;
import io.tunelab.search.space.Distribution;
import io.tunelab.search.space.SearchSpaceTransform;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.FrozenTrial;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;

/**
 * The CMA-ES strategy of one search space, rebuilt from the study's trials: every trial the sampler
 * proposes records its generation and its unrounded point ({@link #ATTR}); a generation is told once
 * {@code lambda} of its trials are COMPLETE (the lowest numbers first; PRUNED and FAIL trials are
 * replaced by further asks of the same generation). Replaying the trials in that order gives the same
 * strategy in every process and after a reload. The first run starts from the seed trials (complete
 * trials that precede the sampler's first one, such as another sampler's or a warm start's); when a run
 * meets a termination criterion it restarts from a random mean with twice the population (IPOP, Auger
 * and Hansen 2005). Not thread-safe: {@link CmaesSampler} guards it.
 */
final class CmaReplay {
    /** The system attribute of a proposed trial: {@code {generation, restart, x}}. */
    static final String ATTR = "cmaes";
    private static final int MAX_RESAMPLING = 100;

    private final Map<String, Distribution> space;
    private final SearchSpaceTransform transform;
    private final Distribution[] dists;
    private final CmaOptions options;
    private final RandomStreams streams;
    private final NewTrials newTrials = new NewTrials();
    private final Map<Integer, List<Observation>> pending = new HashMap<>();
    private CmaState state;
    private int generation;
    private int restart;

    private record Observation(int number, double[] x, double loss) {
    }

    /** A point to evaluate: {@code internal} values and the attribute to record on its trial. */
    record Proposal(Map<String, Double> internal, Map<String, Object> attr) {
    }

    CmaReplay(Map<String, Distribution> space, CmaOptions options, RandomStreams streams,
              List<FrozenTrial> complete, Direction direction) {
        this.space = new LinkedHashMap<>(space);
        this.transform = new SearchSpaceTransform(space);
        this.dists = space.values().toArray(new Distribution[0]);
        this.options = options;
        this.streams = streams;
        int n = dists.length;
        int lambda = options.popsize() > 0 ? options.popsize() : CmaState.defaultPopsize(n);
        this.state = SeedTrials.start(seeds(complete, direction), n, lambda, options);
    }

    Map<String, Distribution> space() {
        return space;
    }

    int restarts() {
        return restart;
    }

    int popsize() {
        return state.lambda;
    }

    /** Tells every generation that is complete in {@code complete}, then proposes a point. */
    Proposal ask(List<FrozenTrial> complete, Direction direction, SplittableRandom random) {
        catchUp(complete, direction);
        int n = dists.length;
        double[] x = null;
        double[] enc = null;
        for (int attempt = 0; attempt < MAX_RESAMPLING; attempt++) {
            x = state.sample(random);
            enc = encode(x);
            if (inCube(enc)) {
                break;
            }
        }
        if (!inCube(enc)) {
            for (int j = 0; j < n; j++) {
                enc[j] = Math.min(1, Math.max(0, enc[j]));
                x[j] = state.mean[j] + (enc[j] - state.mean[j]) / state.scale[j];
            }
        }
        Map<String, Object> attr = new LinkedHashMap<>();
        attr.put("generation", generation);
        attr.put("restart", restart);
        List<Double> xs = new ArrayList<>(n);
        for (double v : x) {
            xs.add(v);
        }
        attr.put("x", xs);
        return new Proposal(transform.fromUnit(enc), attr);
    }

    private double[] encode(double[] x) {
        double[] enc = x.clone();
        for (int j = 0; j < enc.length; j++) {
            enc[j] = state.mean[j] + state.scale[j] * (x[j] - state.mean[j]);
        }
        return enc;
    }

    private static boolean inCube(double[] u) {
        for (double v : u) {
            if (!(v >= 0 && v <= 1)) {
                return false;
            }
        }
        return true;
    }

    private void catchUp(List<FrozenTrial> complete, Direction direction) {
        for (FrozenTrial t : newTrials.since(complete)) {
            Observation o = observation(t, direction);
            int g = generationOf(t);
            if (o != null && g >= generation) {
                pending.computeIfAbsent(g, k -> new ArrayList<>()).add(o);
            }
        }
        while (true) {
            List<Observation> obs = pending.get(generation);
            if (obs == null || obs.size() < state.lambda) {
                return;
            }
            obs.sort(Comparator.comparingInt(Observation::number));
            double[][] xs = new double[state.lambda][];
            double[] losses = new double[state.lambda];
            for (int i = 0; i < state.lambda; i++) {
                xs[i] = obs.get(i).x();
                losses[i] = obs.get(i).loss();
            }
            state.tell(xs, losses);
            if (options.margin()) {
                IntegerMargin.apply(state, dists, 1.0 / (dists.length * state.lambda));
            }
            pending.remove(generation);
            generation++;
            if (options.restarts() && state.shouldStop()) {
                restart++;
                state = SeedTrials.restart(dists.length, state.lambda * 2, options,
                        streams.forStudy("cmaes:restart:" + restart));
            }
        }
    }

    /** The trial's unrounded point and loss, if the sampler proposed it in this space. */
    private Observation observation(FrozenTrial t, Direction direction) {
        if (!(t.systemAttrs().get(ATTR) instanceof Map<?, ?> attr) || !(attr.get("x") instanceof List<?> list)
                || list.size() != dists.length || t.values().size() != 1) {
            return null;
        }
        double[] x = new double[list.size()];
        for (int i = 0; i < x.length; i++) {
            if (!(list.get(i) instanceof Number v)) {
                return null;
            }
            x[i] = v.doubleValue();
        }
        return new Observation(t.number(), x, direction.asLoss(t.value()));
    }

    private static int generationOf(FrozenTrial t) {
        return t.systemAttrs().get(ATTR) instanceof Map<?, ?> attr && attr.get("generation") instanceof Number g
                ? g.intValue() : -1;
    }

    /**
     * The seed trials: complete trials of this space, not proposed by the sampler, numbered below its
     * first proposal; each as its point in the unit cube with its loss.
     */
    private List<Observation> seeds(List<FrozenTrial> complete, Direction direction) {
        int first = Integer.MAX_VALUE;
        for (FrozenTrial t : complete) {
            if (t.systemAttrs().get(ATTR) != null) {
                first = Math.min(first, t.number());
            }
        }
        List<Observation> out = new ArrayList<>();
        for (FrozenTrial t : complete) {
            if (t.number() >= first || t.systemAttrs().get(ATTR) != null || t.values().size() != 1
                    || !holdsSpace(t)) {
                continue;
            }
            Map<String, Double> internal = new LinkedHashMap<>();
            space.keySet().forEach(name -> internal.put(name, t.internalParam(name)));
            out.add(new Observation(t.number(), transform.toUnit(internal), direction.asLoss(t.value())));
        }
        return out;
    }

    private boolean holdsSpace(FrozenTrial t) {
        for (Map.Entry<String, Distribution> e : space.entrySet()) {
            if (!e.getValue().equals(t.distributions().get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /** Starting states: from seed trials, from scratch, or after a restart. */
    static final class SeedTrials {
        private SeedTrials() {
        }

        static CmaState start(List<Observation> seeds, int n, int lambda, CmaOptions options) {
            if (seeds.size() < 2) {
                return centred(n, lambda, options);
            }
            List<Observation> sorted = new ArrayList<>(seeds);
            sorted.sort(Comparator.comparingDouble(Observation::loss).thenComparingInt(Observation::number));
            int k = Math.max(2, (int) Math.ceil(options.seedShare() * sorted.size()));
            k = Math.min(k, sorted.size());
            double[] mean = new double[n];
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < n; j++) {
                    mean[j] += sorted.get(i).x()[j] / k;
                }
            }
            double[][] cov = new double[n][n];
            double reg = options.seedRegularizer() * options.seedRegularizer();
            for (int a = 0; a < n; a++) {
                for (int b = 0; b < n; b++) {
                    double s = 0;
                    for (int i = 0; i < k; i++) {
                        double[] x = sorted.get(i).x();
                        s += (x[a] - mean[a]) * (x[b] - mean[b]);
                    }
                    cov[a][b] = s / k + (a == b ? reg : 0);
                }
            }
            double logDet = Math.log(new EigenDecomposition(new Array2DRowRealMatrix(cov)).getDeterminant());
            double sigma = Math.exp(logDet / (2 * n));
            for (double[] row : cov) {
                for (int b = 0; b < n; b++) {
                    row[b] /= sigma * sigma;
                }
            }
            return new CmaState(mean, sigma, cov, lambda);
        }

        static CmaState centred(int n, int lambda, CmaOptions options) {
            double[] mean = new double[n];
            Arrays.fill(mean, 0.5);
            return new CmaState(mean, options.sigma0(), identity(n), lambda);
        }

        static CmaState restart(int n, int lambda, CmaOptions options, SplittableRandom random) {
            double[] mean = new double[n];
            for (int j = 0; j < n; j++) {
                mean[j] = random.nextDouble();
            }
            return new CmaState(mean, options.sigma0(), identity(n), lambda);
        }

        private static double[][] identity(int n) {
            double[][] c = new double[n][n];
            for (int i = 0; i < n; i++) {
                c[i][i] = 1;
            }
            return c;
        }
    }
}
