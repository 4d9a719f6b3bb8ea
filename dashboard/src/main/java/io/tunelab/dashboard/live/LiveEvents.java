package io.tunelab.dashboard.live;

import io.javalin.Javalin;
import io.javalin.http.sse.SseClient;
import io.tunelab.dashboard.data.Changes;
import io.tunelab.dashboard.data.DashboardData;
import io.tunelab.search.storage.StorageException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/events?study=ID&cursor=C} (Server-Sent Events). Every period one background thread
 * asks the data port what changed after each subscriber's cursor and, if anything did, sends a
 * {@code changes} event {@code {"cursor", "reset", "trials": [numbers], "metrics": [...], "study"}} (a study
 * subscriber; "study" is true when the study's attributes changed) or a {@code studies} event {@code {"cursor"}}
 * (a subscriber to all studies). The page then
 * fetches the changed rows with {@code /api/studies/{id}/changes?since=...}. A comment is sent every 15 s
 * to notice closed connections. Thread-safe; {@link #close()} stops the thread and ends every stream.
 *
 * <p>While the database is unreachable the streams stay open: a period whose first read fails for that reason
 * ({@link StorageException.Kind#UNAVAILABLE}) reads nothing more for the other streams, every stream gets an
 * {@code unavailable} event {@code {"message"}} once (and a stream opened meanwhile at once), and the first period
 * that reads again sends {@code available}; the streams' cursors then catch up on what changed meanwhile. A busy
 * database ({@link StorageException#busy()}) is no outage: that period reads nothing more and tells the streams nothing.
 */
public final class LiveEvents implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LiveEvents.class);
    private static final int MAX_NUMBERS = 200;

    private final DashboardData data;
    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService timer;
    private final long periodMillis;
    private long ticks;
    /** Why the database was unreachable at the last period that read it, or null when it answered. */
    private volatile String outage;
    /** Whether a read of this period found the database busy (then the period reads nothing more). */
    private boolean busy;

    /** One open stream as this class uses it: a Javalin {@link SseClient} in the server, a fake in tests. */
    interface EventStream {
        boolean terminated();

        void sendEvent(String event, Object data);

        void sendComment(String comment);

        void close();
    }

    static final class Subscriber {
        final EventStream client;
        final Long studyId;
        volatile long cursor;

        Subscriber(EventStream client, Long studyId, long cursor) {
            this.client = client;
            this.studyId = studyId;
            this.cursor = cursor;
        }
    }

    public LiveEvents(DashboardData data, long periodMillis) {
        this.data = data;
        this.periodMillis = periodMillis;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tunelab-dashboard-events");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::tick, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    }

    public void register(Javalin app) {
        app.sse("/api/events", this::connect);
    }

    private void connect(SseClient client) {
        String study = client.ctx().queryParam("study");
        String cursor = client.ctx().queryParam("cursor");
        Long studyId = study == null || study.isBlank() ? null : Long.valueOf(study.trim());
        long start = cursor == null || cursor.isBlank() ? currentCursor() : Long.parseLong(cursor.trim());
        client.keepAlive();
        Subscriber s = subscribe(new EventStream() {
            @Override
            public boolean terminated() {
                return client.terminated();
            }

            @Override
            public void sendEvent(String event, Object data) {
                client.sendEvent(event, data);
            }

            @Override
            public void sendComment(String comment) {
                client.sendComment(comment);
            }

            @Override
            public void close() {
                client.close();
            }
        }, studyId, start);
        client.onClose(() -> subscribers.remove(s));
    }

    /**
     * The data's cursor; while the database is unreachable (or busy), one before every change (the stream is then told
     * everything changed once it reads again: a {@code studies} event, or a study's {@code reset}).
     */
    private long currentCursor() {
        try {
            return data.cursor();
        } catch (StorageException e) {
            if (e.kind() != StorageException.Kind.UNAVAILABLE) {
                throw e;
            }
            if (!e.busy()) {
                outage = e.getMessage();
            }
            return -1;
        }
    }

    /**
     * Adds a subscriber from {@code cursor} on (to one study, or to all when {@code studyId} is null) and greets it;
     * tells it at once when the database is unreachable.
     */
    Subscriber subscribe(EventStream stream, Long studyId, long cursor) {
        Subscriber s = new Subscriber(stream, studyId, cursor);
        subscribers.add(s);
        stream.sendEvent("hello", Map.of("cursor", cursor));
        String down = outage;
        if (down != null) {
            stream.sendEvent("unavailable", Map.of("message", down));
        }
        return s;
    }

    /** Number of open streams (for tests and status). */
    public int subscribers() {
        return subscribers.size();
    }

    /**
     * One period: sends each live subscriber what changed, and the ping when due; drops ended streams unsent, and
     * writes nothing more to a stream that a write of this period found ended. Once a read finds the database
     * unreachable, the period reads nothing more and tells the streams (see the class comment).
     */
    void tick() {
        ticks++;
        boolean ping = ticks % Math.max(1, 15_000 / periodMillis) == 0;
        boolean read = false;
        String down = null;
        busy = false;
        for (Subscriber s : subscribers) {
            try {
                if (s.client.terminated()) {
                    subscribers.remove(s);
                    continue;
                }
                if (down == null && !busy) {
                    read = true;
                    down = notifyOrOutage(s);
                }
                // A write finds a closed browser only by failing, and Javalin then ends the stream; writing to it
                // again would log a warning (Cannot send data, SseClient has been terminated) for each write.
                if (ping && !s.client.terminated()) {
                    s.client.sendComment("ping");
                }
                if (s.client.terminated()) {
                    subscribers.remove(s);
                }
            } catch (RuntimeException e) {
                LOG.debug("dropping an event stream: {}", e.toString());
                subscribers.remove(s);
            }
        }
        if (read && !busy) {
            report(down);
        }
    }

    /**
     * Sends {@code s} what changed; returns null, or why the database is unreachable (then nothing is sent). A busy
     * database sets {@link #busy} and returns null.
     */
    private String notifyOrOutage(Subscriber s) {
        try {
            if (s.studyId != null) {
                notifyStudy(s);
            } else {
                long now = data.cursor();
                if (now != s.cursor) {
                    s.cursor = now;
                    s.client.sendEvent("studies", Map.of("cursor", now));
                }
            }
            return null;
        } catch (StorageException e) {
            if (e.kind() != StorageException.Kind.UNAVAILABLE) {
                throw e;
            }
            if (e.busy()) {
                LOG.debug("live updates wait for a busy database: {}", e.getMessage());
                busy = true;
                return null;
            }
            return e.getMessage() == null ? "database unreachable" : e.getMessage();
        }
    }

    /** Tells every live stream when the database became unreachable, or reachable again, since the last period that read. */
    private void report(String down) {
        String before = outage;
        outage = down;
        if (down == null ? before == null : down.equals(before)) {
            return;
        }
        if (down != null && before == null) {
            LOG.warn("live updates paused: {}", down);
        } else if (down == null) {
            LOG.info("live updates resumed: the database answers again");
        }
        for (Subscriber s : subscribers) {
            if (!s.client.terminated()) {
                s.client.sendEvent(down == null ? "available" : "unavailable", down == null ? Map.of() : Map.of("message", down));
            }
        }
    }

    private void notifyStudy(Subscriber s) {
        Changes c = data.changes(s.studyId, s.cursor);
        if (c.isEmpty()) {
            s.cursor = c.cursor();
            return;
        }
        List<Integer> numbers = new ArrayList<>();
        for (int i = 0; i < c.trials().size() && numbers.size() < MAX_NUMBERS; i++) {
            numbers.add(c.trials().get(i).number());
        }
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("since", s.cursor);
        event.put("cursor", c.cursor());
        event.put("reset", c.reset());
        event.put("trialCount", c.trials().size());
        event.put("trials", numbers);
        event.put("metrics", c.metrics().size() > MAX_NUMBERS ? c.metrics().subList(0, MAX_NUMBERS) : c.metrics());
        event.put("study", c.study());
        s.cursor = c.cursor();
        s.client.sendEvent("changes", event);
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(1, TimeUnit.SECONDS); // a tick under way finishes before its streams close
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Subscriber s : subscribers) {
            s.client.close();
        }
        subscribers.clear();
    }
}
