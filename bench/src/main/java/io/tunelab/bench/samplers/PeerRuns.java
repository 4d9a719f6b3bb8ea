package io.tunelab.bench.samplers;

import io.tunelab.bench.peer.PeerBox;
import io.tunelab.bench.peer.PeerProcess;
import io.tunelab.bench.peer.PeerRun;
import io.tunelab.search.trial.Hypervolume;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Peer optimisers ({@link PeerProcess}, e.g. the shipped Optuna peer) on the problems of a {@link SamplerBenchmark} run,
 * with the seeds and budgets the Tunelab samplers get: rows in the same form, the peer's name in the sampler column, its
 * own milliseconds per trial (proposing and learning, without the evaluations) in the time column. A peer searches a
 * {@link ContinuousProblem}'s box of floats as one proposal per trial (as on BBOB), and any other single-objective
 * problem define-by-run, one parameter at a time as the problem suggests it, and so any problem of several objectives,
 * its regret the hypervolume deficit as for the samplers (without noise only, {@link #canRun}). Started before the
 * samplers run, so a peer that cannot
 * start fails the benchmark at once; close it to stop the peer processes. Not thread-safe.
 */
public final class PeerRuns implements AutoCloseable {
    private final List<PeerProcess> peers;

    private PeerRuns(List<PeerProcess> peers) {
        this.peers = peers;
    }

    /** Starts one process per command (none for an empty list); throws naming the command when one cannot start. */
    public static PeerRuns start(List<String> commands) {
        return new PeerRuns(PeerProcess.startAll(commands));
    }

    /** Whether a peer can run {@code problem} with observation noise {@code noise}: several objectives only without. */
    public static boolean canRun(BenchProblem problem, double noise) {
        return !problem.isMultiObjective() || noise == 0;
    }

    /** The box {@code problem} searches, as the peer protocol states it. */
    static PeerBox box(ContinuousProblem problem) {
        return new PeerBox(problem.low(), problem.high(), problem.step());
    }

    /**
     * Runs each peer on each problem it {@linkplain #canRun can run}, seeds {@code firstSeed .. firstSeed + seeds - 1},
     * {@code trials} trials (0: the problem's own budget), each peer's runs one after another; rows ordered by problem,
     * peer, seed, checkpoint.
     */
    public List<SamplerBenchmark.Row> run(List<BenchProblem> problems, int firstSeed, int seeds, int trials) {
        return run(problems, firstSeed, seeds, trials, 0);
    }

    /**
     * As {@link #run(List, int, int, int)}, each value observed with noise of standard deviation {@code noise} × the
     * problem's {@link NoiseScale} (0: none), the same draws as the samplers' runs of the same seed; with noise the regret
     * is that of the trial with the best observed value ({@link NoisyRun}).
     */
    public List<SamplerBenchmark.Row> run(List<BenchProblem> problems, int firstSeed, int seeds, int trials, double noise) {
        List<SamplerBenchmark.Row> rows = new ArrayList<>();
        for (BenchProblem p : problems) {
            if (!canRun(p, noise)) {
                continue;
            }
            int budget = trials > 0 ? trials : p.defaultTrials();
            for (PeerProcess peer : peers) {
                for (int seed = firstSeed; seed < firstSeed + seeds; seed++) {
                    if (p.isMultiObjective()) {
                        rows.addAll(multiObjective(peer, p, seed, budget));
                        continue;
                    }
                    NoisyRun noisy = new NoisyRun(noise == 0 ? 0 : noise * NoiseScale.of(p), seed);
                    BoundHits hits = p instanceof ContinuousProblem c ? new BoundHits(c) : null;
                    PeerRun run = p instanceof ContinuousProblem c ? peer.run(box(c), x -> {
                        hits.record(x);
                        return noisy.observe(c.function().applyAsDouble(x));
                    }, seed, budget) : peer.run(trial -> noisy.observe(p.evaluate(trial)[0]), seed, budget);
                    for (int k : SamplerBenchmark.checkpoints(budget)) {
                        // without noise, the true value of the best observed trial is the best value
                        rows.add(new SamplerBenchmark.Row(p.name(), peer.name(), seed, k,
                                noisy.trueValueOfBestAfter(k) - p.optimum(),
                                run.msAfter()[k - 1] / k, hits == null ? Double.NaN : hits.shareAfterStartUp(k)));
                    }
                }
            }
        }
        return rows;
    }

    /** A run of {@code peer} on a problem of several objectives: the hypervolume deficit after each checkpoint. */
    private static List<SamplerBenchmark.Row> multiObjective(PeerProcess peer, BenchProblem p, int seed, int budget) {
        PeerRun run = peer.runObjectives(p::evaluate, p.directions().size(), seed, budget);
        List<SamplerBenchmark.Row> rows = new ArrayList<>();
        for (int k : SamplerBenchmark.checkpoints(budget)) {
            double deficit = p.optimum() - Hypervolume.of(Arrays.asList(run.values()).subList(0, k), p.referencePoint());
            rows.add(new SamplerBenchmark.Row(p.name(), peer.name(), seed, k, deficit, run.msAfter()[k - 1] / k,
                    Double.NaN));
        }
        return rows;
    }

    /** Stops the peer processes. */
    @Override
    public void close() {
        peers.forEach(PeerProcess::close);
    }
}
