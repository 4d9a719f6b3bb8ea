package io.tunelab.cli.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SoakPlanTest {
    private static final Duration WINDOW = Duration.ofMinutes(10);

    @Test
    void killsComeEveryThirtyToSixtySecondsWithinTheWindow() {
        List<Duration> kills = SoakPlan.draw(16, WINDOW).events().stream()
                .filter(e -> e.action() == SoakPlan.Action.KILL_WORKER).map(SoakPlan.Event::at).toList();
        assertThat(kills).hasSizeBetween(10, 20).allSatisfy(at -> assertThat(at).isLessThan(WINDOW));
        assertThat(kills.get(0)).isBetween(Duration.ofSeconds(30), Duration.ofSeconds(60));
        for (int i = 1; i < kills.size(); i++) {
            assertThat(kills.get(i).minus(kills.get(i - 1))).isBetween(Duration.ofSeconds(30), Duration.ofSeconds(60));
        }
    }

    @Test
    void postgresCrashesInTheFirstHalfAndStopsInTheSecondForThreeToTwentySeconds() {
        List<SoakPlan.Event> restarts = SoakPlan.draw(16, WINDOW).events().stream()
                .filter(e -> e.action() != SoakPlan.Action.KILL_WORKER).toList();
        assertThat(restarts).extracting(SoakPlan.Event::action)
                .containsExactly(SoakPlan.Action.CRASH_POSTGRES, SoakPlan.Action.STOP_POSTGRES);
        assertThat(restarts.get(0).at()).isBetween(WINDOW.dividedBy(5), WINDOW.dividedBy(2));
        assertThat(restarts.get(1).at()).isBetween(WINDOW.dividedBy(2), WINDOW.multipliedBy(4).dividedBy(5));
        assertThat(restarts).allSatisfy(e -> assertThat(e.outage()).isBetween(Duration.ofSeconds(3), Duration.ofSeconds(20)));
    }

    @Test
    void theSameSeedDrawsTheSamePlanAndVictims() {
        SoakPlan a = SoakPlan.draw(3, WINDOW);
        SoakPlan b = SoakPlan.draw(3, WINDOW);
        assertThat(a.events()).isEqualTo(b.events());
        assertThat(a.victims().nextInt(4)).isEqualTo(b.victims().nextInt(4));
        assertThat(SoakPlan.draw(4, WINDOW).events()).isNotEqualTo(a.events());
    }
}
