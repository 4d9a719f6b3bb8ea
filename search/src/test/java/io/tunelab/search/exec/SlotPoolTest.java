package io.tunelab.search.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunelab.search.SearchException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlotPoolTest {

    @Test
    void slotsAreParsedFromTheirNames() {
        assertThat(Slot.parse("gpu:3")).isEqualTo(Slot.gpu(3));
        assertThat(Slot.parse(" cpu:0 ").id()).isEqualTo("cpu:0");
        assertThat(Slot.gpu(1).isGpu()).isTrue();
        assertThat(Slot.cpu(1).isGpu()).isFalse();
    }

    @Test
    void trialsSharingOneGpuHoldDistinctLanesOfIt() {
        Slot second = Slot.parse("gpu:2/1");
        assertThat(second).isEqualTo(Slot.gpu(2).withLane(1)).isNotEqualTo(Slot.gpu(2));
        assertThat(second.index()).isEqualTo(2);
        assertThat(second.id()).isEqualTo("gpu:2/1");
        assertThat(Slot.gpu(2).withLane(0).id()).isEqualTo("gpu:2");
        assertThat(SlotPool.parse("gpu:0,gpu:0/1").size()).isEqualTo(2);
        assertThatThrownBy(() -> new Slot("gpu", 0, -1)).hasMessageContaining("lane must be 0 or more, got -1");
    }

    @Test
    void aMalformedSlotNameIsRejectedWithTheName() {
        assertThatThrownBy(() -> Slot.parse("gpu-1")).isInstanceOf(SearchException.class).hasMessageContaining("'gpu-1'");
        assertThatThrownBy(() -> SlotPool.parse("cpu:0,cpu:0")).hasMessageContaining("distinct");
        assertThatThrownBy(() -> SlotPool.cpus(0)).hasMessageContaining("got 0");
    }

    @Test
    void aFreeSlotIsHandedOutLowestFirstAndReturned() throws InterruptedException {
        SlotPool pool = SlotPool.cpus(2);
        Slot a = pool.acquire(Duration.ZERO);
        Slot b = pool.acquire(Duration.ZERO);
        assertThat(List.of(a, b)).containsExactly(Slot.cpu(0), Slot.cpu(1));
        assertThat(pool.acquire(Duration.ofMillis(10))).isNull();
        pool.release(b);
        pool.release(a);
        assertThat(pool.acquire(Duration.ZERO)).isEqualTo(Slot.cpu(0));
        assertThatThrownBy(() -> pool.release(Slot.gpu(0))).hasMessageContaining("gpu:0");
    }

    @Test
    void aWaitingTakerGetsTheReleasedSlot() throws Exception {
        SlotPool pool = SlotPool.cpus(1);
        Slot held = pool.acquire(Duration.ZERO);
        Thread releaser = new Thread(() -> {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            pool.release(held);
        });
        releaser.start();
        assertThat(pool.acquire(Duration.ofSeconds(30))).isEqualTo(held);
        releaser.join();
    }
}
