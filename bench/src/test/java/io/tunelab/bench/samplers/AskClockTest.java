package io.tunelab.bench.samplers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunelab.search.SearchException;
import org.junit.jupiter.api.Test;

class AskClockTest {

    @Test
    void clocksAreNamedAsTheCommandLineTakesThemInAnyCase() {
        assertThat(AskClock.parse("wall")).isEqualTo(AskClock.WALL);
        assertThat(AskClock.parse(" CPU ")).isEqualTo(AskClock.CPU);
        assertThat(AskClock.CPU).hasToString("cpu");
    }

    @Test
    void anUnknownClockIsRejectedNamingTheValueAndTheChoices() {
        assertThatThrownBy(() -> AskClock.parse("gpu")).isInstanceOf(SearchException.class)
                .hasMessage("clock must be wall or cpu, got 'gpu'");
    }

    @Test
    void bothClocksAdvanceAndTheirReadCostIsMeasured() throws InterruptedException {
        for (AskClock clock : AskClock.values()) {
            long before = clock.now();
            long spin = System.nanoTime();
            while (System.nanoTime() - spin < 2_000_000) {
                Thread.onSpinWait();
            }
            assertThat(clock.now()).as(clock.toString()).isGreaterThan(before);
            assertThat(clock.readNanos()).as(clock.toString()).isPositive();
        }
    }
}
