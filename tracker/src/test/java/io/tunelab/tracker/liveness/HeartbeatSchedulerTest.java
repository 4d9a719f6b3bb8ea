package io.tunelab.tracker.liveness;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class HeartbeatSchedulerTest {
    @Test
    void trackedTrialsBeatTogetherUntilTheyAreUntracked() throws Exception {
        LinkedBlockingQueue<Set<Long>> beats = new LinkedBlockingQueue<>();
        try (HeartbeatScheduler scheduler = new HeartbeatScheduler(beats::add, Duration.ofMillis(10))) {
            scheduler.track(1);
            scheduler.track(2);
            assertThat(nextBeatWhere(beats, b -> b.equals(Set.of(1L, 2L)))).isTrue();
            scheduler.untrack(1);
            assertThat(nextBeatWhere(beats, b -> b.equals(Set.of(2L)))).isTrue();
            assertThat(scheduler.tracked()).containsExactly(2L);
        }
    }

    @Test
    void aFailingSinkDoesNotStopLaterHeartbeats() throws Exception {
        LinkedBlockingQueue<Set<Long>> beats = new LinkedBlockingQueue<>();
        int[] calls = {0};
        try (HeartbeatScheduler scheduler = new HeartbeatScheduler(ids -> {
            if (calls[0]++ == 0) {
                throw new IllegalStateException("database restarting");
            }
            beats.add(ids);
        }, Duration.ofMillis(10))) {
            scheduler.track(7);
            assertThat(nextBeatWhere(beats, b -> b.contains(7L))).isTrue();
        }
    }

    @Test
    void nothingIsSentWhileNoTrialIsTracked() throws Exception {
        LinkedBlockingQueue<Set<Long>> beats = new LinkedBlockingQueue<>();
        try (HeartbeatScheduler scheduler = new HeartbeatScheduler(beats::add, Duration.ofMillis(5))) {
            assertThat(beats.poll(200, TimeUnit.MILLISECONDS)).isNull();
            assertThat(scheduler.tracked()).isEmpty();
        }
    }

    @Test
    void retryPoliciesReadTheirStudyAttribute() {
        assertThat(RetryPolicy.of(java.util.Map.of())).isEqualTo(RetryPolicy.none());
        RetryPolicy two = RetryPolicy.of(java.util.Map.of(RetryPolicy.ATTR, new RetryPolicy(2).toAttr()));
        assertThat(two.allows(1)).isTrue();
        assertThat(two.allows(2)).isFalse();
        assertThat(RetryPolicy.DEFAULT).isEqualTo(two);
    }

    @Test
    void aNegativeRetryLimitIsRefusedNamingTheFieldAndTheValue() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new RetryPolicy(-1))
                .hasMessageContaining("max_retries: expected 0 (never retry) or more, got -1");
    }

    private static boolean nextBeatWhere(LinkedBlockingQueue<Set<Long>> beats,
                                         java.util.function.Predicate<Set<Long>> test) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            Set<Long> b = beats.poll(100, TimeUnit.MILLISECONDS);
            if (b != null && test.test(b)) {
                return true;
            }
        }
        return false;
    }
}
