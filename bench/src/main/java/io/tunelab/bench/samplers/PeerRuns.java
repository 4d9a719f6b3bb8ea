package io.tunelab.bench.samplers;

import io.tunelab.bench.peer.PeerProcess;
import java.util.ArrayList;
import java.util.List;

/**
 * Peer optimisers ({@link PeerProcess}, e.g. the shipped Optuna peer) on the problems of a {@link SamplerBenchmark} run,
 * with the seeds and budgets the Tunelab samplers get: rows in the same form, the peer's name in the sampler column, its
 * own milliseconds per trial (proposing and learning, without the evaluations) in the time column. A peer searches a
 * box of floats, so it runs on the {@link ContinuousProblem}s only ({@link #canRun}); the others (categorical or
 * conditional parameters, several objectives) are left out. Started before the samplers run, so a peer that cannot
 * start fails the benchmark at once; close it to stop the peer processes. Not thread-safe.
 */
public final class PeerRuns implements AutoCloseable {
    private final List<PeerProcess> peers;

    private PeerRuns(List<PeerProcess> peers) {
        this.peers = peers;
    }

    /** Starts one process per command (none for an empty list); throws naming the command when one cannot start. */
    public static PeerRuns start(List<String> commands) {
        List<PeerProcess> started = new ArrayList<>();
        try {
            for (String command : commands) {
                started.add(PeerProcess.start(command));
            }
        } catch (RuntimeException e) {
            started.forEach(PeerProcess::close);
            throw e;
        }
        return new PeerRuns(started);
    }

    /** Whether a peer can run {@code problem}: a single objective over a box of floats. */
    public static boolean canRun(BenchProblem problem) {
        return problem instanceof ContinuousProblem;
    }

    /** The box {@code problem} searches, as the peer protocol states it. */
    static PeerProcess.Box box(ContinuousProblem problem) {
        return new PeerProcess.Box(problem.low(), problem.high(), problem.step());
    }

    /**
     * Runs each peer on each problem it {@linkplain #canRun can run}, seeds {@code firstSeed .. firstSeed + seeds - 1},
     * {@code trials} trials (0: the problem's own budget), each peer's runs one after another; rows ordered by problem,
     * peer, seed, checkpoint.
     */
    public List<SamplerBenchmark.Row> run(List<BenchProblem> problems, int firstSeed, int seeds, int trials) {
        List<SamplerBenchmark.Row> rows = new ArrayList<>();
        for (BenchProblem p : problems) {
            if (!canRun(p)) {
                continue;
            }
            ContinuousProblem problem = (ContinuousProblem) p;
            int budget = trials > 0 ? trials : problem.defaultTrials();
            for (PeerProcess peer : peers) {
                for (int seed = firstSeed; seed < firstSeed + seeds; seed++) {
                    PeerProcess.Run run = peer.run(box(problem), problem.function(), seed, budget);
                    for (int k : SamplerBenchmark.checkpoints(budget)) {
                        rows.add(new SamplerBenchmark.Row(problem.name(), peer.name(), seed, k,
                                run.bestAfter()[k - 1] - problem.optimum(), run.msAfter()[k - 1] / k));
                    }
                }
            }
        }
        return rows;
    }

    /** Stops the peer processes. */
    @Override
    public void close() {
        peers.forEach(PeerProcess::close);
    }
}
