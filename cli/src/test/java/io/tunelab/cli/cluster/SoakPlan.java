package io.tunelab.cli.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * What the soak test's driver does and when, drawn from one seed: a {@code kill -9} of a random worker
 * every 30–60 s of the window, and two PostgreSQL restarts, the first one as a crash ({@code pg_ctl stop
 * -m immediate}, in the first half of the window), the second a fast shutdown (in the second half), each
 * with an outage of 3–20 s. Which worker dies is drawn, when it dies, from {@link #victims()}.
 *
 * @param events  the driver's actions in time order
 * @param victims the seeded source of the victims' indices
 */
record SoakPlan(List<Event> events, SplittableRandom victims) {

    /** The driver's actions. */
    enum Action {
        KILL_WORKER, CRASH_POSTGRES, STOP_POSTGRES
    }

    /**
     * One action.
     *
     * @param at     time since the start of the window
     * @param action what to do
     * @param outage for a PostgreSQL restart, how long the server stays down; zero otherwise
     */
    record Event(Duration at, Action action, Duration outage) {
    }

    static SoakPlan draw(long seed, Duration window) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Event> events = new ArrayList<>();
        long windowMillis = window.toMillis();
        for (long at = between(random, 30_000, 60_000); at < windowMillis; at += between(random, 30_000, 60_000)) {
            events.add(new Event(Duration.ofMillis(at), Action.KILL_WORKER, Duration.ZERO));
        }
        events.add(new Event(Duration.ofMillis(between(random, windowMillis / 5, windowMillis / 2)), Action.CRASH_POSTGRES,
                Duration.ofMillis(between(random, 3_000, 20_000))));
        events.add(new Event(Duration.ofMillis(between(random, windowMillis / 2, windowMillis * 4 / 5)), Action.STOP_POSTGRES,
                Duration.ofMillis(between(random, 3_000, 20_000))));
        events.sort(Comparator.comparing(Event::at));
        return new SoakPlan(List.copyOf(events), random.split());
    }

    private static long between(SplittableRandom random, long from, long to) {
        return random.nextLong(from, to + 1);
    }
}
