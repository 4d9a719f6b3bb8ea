package io.tunelab.dashboard.bench;

import io.tunelab.search.space.CategoricalDistribution;
import io.tunelab.search.space.FloatDistribution;
import io.tunelab.search.space.IntDistribution;
import io.tunelab.search.storage.InMemoryStorage;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.MetricPoint;
import io.tunelab.search.trial.TrialState;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Fills an in-memory storage with benchmark studies, written through the storage port: a search study
 * of {@code trials} trials with six parameters, 20 intermediate values and {@code pointsPerTrial} metric
 * points each, spread over four worker slots; and a scalars study of {@code runs} runs of
 * {@code steps} steps. Seeded and deterministic.
 */
final class BenchData {
    static final String SEARCH = "bench-search";
    static final String SCALARS = "bench-scalars";

    private BenchData() {
    }

    /** A clock that moves 50 ms forward each time it is read, so trials get distinct, ordered times. */
    static final class SteppingClock extends Clock {
        private final AtomicLong millis = new AtomicLong(Instant.parse("2025-01-01T00:00:00Z").toEpochMilli());

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis.addAndGet(50));
        }
    }

    static InMemoryStorage create(int trials, int pointsPerTrial, int runs, int steps, long seed) {
        InMemoryStorage storage = new InMemoryStorage(new SteppingClock());
        SplittableRandom random = new SplittableRandom(seed);
        long study = storage.createStudy(SEARCH, List.of(Direction.MINIMIZE)).id();
        storage.setStudySystemAttr(study, "sampler", java.util.Map.of("type", "random", "seed", seed));
        FloatDistribution lr = FloatDistribution.logUniform(1e-5, 1e-1);
        FloatDistribution dropout = FloatDistribution.uniform(0, 0.5);
        IntDistribution layers = IntDistribution.uniform(1, 4);
        IntDistribution units = IntDistribution.logUniform(16, 1024);
        CategoricalDistribution optimizer = CategoricalDistribution.of("sgd", "adam", "rmsprop");
        CategoricalDistribution batch = CategoricalDistribution.of(32, 64, 128);
        for (int n = 0; n < trials; n++) {
            long id = storage.createRunningTrial(study).id();
            storage.setSystemAttr(id, "slot", "cpu:" + (n % 4));
            double l = Math.exp(random.nextDouble(Math.log(1e-5), Math.log(1e-1)));
            int depth = random.nextInt(1, 5);
            storage.setParam(id, "lr", l, lr);
            storage.setParam(id, "dropout", random.nextDouble(0, 0.5), dropout);
            storage.setParam(id, "layers", depth, layers);
            storage.setParam(id, "units", (int) Math.round(Math.exp(random.nextDouble(Math.log(16), Math.log(1024)))), units);
            String opt = (String) optimizer.choices().get(random.nextInt(3));
            storage.setParam(id, "optimizer", opt, optimizer);
            storage.setParam(id, "batch", batch.choices().get(random.nextInt(3)), batch);
            double target = Math.pow(Math.log10(l) + 3, 2) * 0.1 + 0.05 * depth + ("adam".equals(opt) ? 0 : 0.1)
                    + random.nextDouble(0, 0.05);
            TrialState state = n % 20 == 0 ? TrialState.FAIL : n % 7 == 0 ? TrialState.PRUNED : TrialState.COMPLETE;
            List<MetricPoint> points = new ArrayList<>(pointsPerTrial);
            long wall = 1_735_689_600_000L + n * 60_000L;
            for (int s = 0; s < pointsPerTrial; s++) {
                double v = target + 2.0 / (s + 1) + random.nextDouble(0, 0.02);
                points.add(new MetricPoint("loss", s, v, Instant.ofEpochMilli(wall + s * 100L)));
                if (s < 20 && (state != TrialState.PRUNED || s < 8)) {
                    storage.setIntermediateValue(id, s, v);
                }
            }
            storage.logMetrics(id, points);
            storage.finishTrial(id, state, state == TrialState.COMPLETE ? List.of(target) : List.of(),
                    state == TrialState.FAIL ? "diverged" : null);
        }
        long scalars = storage.createStudy(SCALARS, List.of(Direction.MINIMIZE)).id();
        for (int r = 0; r < runs; r++) {
            long id = storage.createRunningTrial(scalars).id();
            double rate = random.nextDouble(1e-4, 1e-3);
            List<MetricPoint> points = new ArrayList<>(steps);
            for (int s = 0; s < steps; s++) {
                points.add(new MetricPoint("loss", s, Math.exp(-rate * s) + random.nextDouble(0, 0.05),
                        Instant.ofEpochMilli(1_735_689_600_000L + s * 250L)));
            }
            storage.logMetrics(id, points);
            storage.finishTrial(id, TrialState.COMPLETE, List.of(points.get(steps - 1).value()), null);
        }
        return storage;
    }
}
