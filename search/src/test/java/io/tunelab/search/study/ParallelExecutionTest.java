package io.tunelab.search.study;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.search.exec.Slot;
import io.tunelab.search.exec.SlotPool;
import io.tunelab.search.sampler.RandomSampler;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.RangeOptions;
import io.tunelab.search.trial.Trial;
import io.tunelab.search.trial.TrialState;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ParallelExecutionTest {

    private static double objective(Trial trial) {
        int layers = trial.suggestInt("n_hidden", 0, 3);
        double sum = trial.suggestReciprocal("lr", 1e-4, 1e-1);
        for (int i = 0; i < layers; i++) {
            sum += trial.suggestInt("units_l" + i, 16, 512, RangeOptions.log());
        }
        return sum + (trial.suggestCategorical("act", List.of("relu", "elu")).equals("elu") ? 1 : 0);
    }

    private static Map<Integer, Map<String, Object>> paramsByNumber(int parallelism) {
        Study study = Study.builder("det").seed(1234).sampler(RandomSampler::new).create();
        study.optimize(ParallelExecutionTest::objective, OptimizeOptions.trials(40).withParallelism(parallelism));
        Map<Integer, Map<String, Object>> out = new TreeMap<>();
        for (FrozenTrial t : study.trials()) {
            out.put(t.number(), t.params());
        }
        return out;
    }

    @Test
    void theSameSeedGivesTheSameParametersPerTrialNumberWhateverTheParallelism() {
        Map<Integer, Map<String, Object>> sequential = paramsByNumber(1);
        assertThat(sequential).hasSize(40);
        assertThat(paramsByNumber(1)).isEqualTo(sequential);
        assertThat(paramsByNumber(2)).isEqualTo(sequential);
        assertThat(paramsByNumber(4)).isEqualTo(sequential);
    }

    @Test
    void anotherSeedGivesOtherParameters() {
        Study other = Study.builder("det").seed(99).sampler(RandomSampler::new).create();
        other.optimize(ParallelExecutionTest::objective, OptimizeOptions.trials(5).withParallelism(1));
        assertThat(other.trials().get(0).params()).isNotEqualTo(paramsByNumber(1).get(0));
    }

    @Test
    void trialsRunConcurrentlyOnDistinctSlotsThatAreAllReleased() {
        SlotPool pool = SlotPool.parse("gpu:0,gpu:1,gpu:2");
        Study study = Study.builder("slots").create();
        Set<String> running = ConcurrentHashMap.newKeySet();
        AtomicInteger maxConcurrent = new AtomicInteger();
        AtomicInteger clashes = new AtomicInteger();
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch allSlotsBusy = new CountDownLatch(3);
        study.optimize(trial -> {
            if (!running.add(trial.slot().id())) {
                clashes.incrementAndGet();
            }
            maxConcurrent.accumulateAndGet(running.size(), Math::max);
            try {
                allSlotsBusy.countDown();
                allSlotsBusy.await(30, TimeUnit.SECONDS);
                int n = calls.incrementAndGet();
                if (n % 3 == 0) {
                    throw new IllegalArgumentException("bad luck");
                }
                return trial.slot().index();
            } finally {
                running.remove(trial.slot().id());
            }
        }, OptimizeOptions.trials(12).withSlots(pool));
        assertThat(clashes).hasValue(0);
        assertThat(maxConcurrent).hasValue(3);
        assertThat(pool.available()).isEqualTo(3);
        assertThat(study.trials()).hasSize(12);
        assertThat(study.trials()).extracting(t -> t.systemAttrs().get("slot"))
                .allSatisfy(s -> assertThat(Slot.parse((String) s).isGpu()).isTrue());
        assertThat(study.trials(Set.of(TrialState.FAIL))).hasSize(4);
    }

    @Test
    void theDefaultOptionsRunOneTrialAtATimeAsOptunasOneJob() {
        Study study = Study.builder("one-at-a-time").create();
        AtomicInteger running = new AtomicInteger();
        AtomicInteger maxConcurrent = new AtomicInteger();
        java.time.Duration briefly = java.time.Duration.ofMillis(400);
        for (OptimizeOptions options : List.of(OptimizeOptions.trials(4), OptimizeOptions.timeout(briefly),
                OptimizeOptions.studyBudget(12))) {
            study.optimize(trial -> {
                maxConcurrent.accumulateAndGet(running.incrementAndGet(), Math::max);
                Thread.sleep(20);
                running.decrementAndGet();
                return trial.suggestFloat("x", 0, 1);
            }, options);
            assertThat(options.slots().slots()).containsExactly(Slot.cpu(0));
        }
        assertThat(maxConcurrent).hasValue(1);
    }

    @Test
    void oneSlotPerCoreIsAskedForExplicitly() {
        assertThat(OptimizeOptions.trials(1).withSlotPerCore().slots().size())
                .isEqualTo(Runtime.getRuntime().availableProcessors());
    }
}
