package io.tunelab.dashboard.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.dashboard.OutageData;
import io.tunelab.dashboard.data.StorageDashboardData;
import io.tunelab.search.storage.InMemoryStorage;
import io.tunelab.search.study.Study;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LiveEventsTest {
    /** A period so long that the timer never ticks during a test: the test ticks, and every tick is a ping tick. */
    private static final long HOUR = 3_600_000;

    /**
     * Records what is sent; ended on demand, or by the next write once the browser is gone, as Javalin's stream is
     * (that write is lost). Writes after the end are what Javalin would log a warning for.
     */
    private static final class FakeStream implements LiveEvents.EventStream {
        final List<String> sent = new ArrayList<>();
        final List<String> afterEnd = new ArrayList<>();
        volatile boolean ended;
        volatile boolean browserGone;

        @Override
        public boolean terminated() {
            return ended;
        }

        @Override
        public void sendEvent(String event, Object data) {
            write(event + " " + data);
        }

        @Override
        public void sendComment(String comment) {
            write(": " + comment);
        }

        private void write(String line) {
            if (ended) {
                afterEnd.add(line);
            } else if (browserGone) {
                ended = true;
            } else {
                sent.add(line);
            }
        }

        @Override
        public void close() {
            ended = true;
        }
    }

    @Test
    void aStreamThatEndedGetsNothingMoreNotEvenThePingAndIsDropped() {
        InMemoryStorage storage = new InMemoryStorage();
        try (LiveEvents events = new LiveEvents(new StorageDashboardData(storage, 0), HOUR)) {
            FakeStream stream = new FakeStream();
            events.subscribe(stream, null, 0);
            stream.ended = true;
            Study.builder("ended").storage(storage).create();

            events.tick();

            assertThat(stream.sent).hasSize(1).allMatch(line -> line.startsWith("hello "));
            assertThat(events.subscribers()).isZero();
        }
    }

    @Test
    void aLiveStreamBehindTheDataGetsTheChangeAndThePing() {
        InMemoryStorage storage = new InMemoryStorage();
        try (LiveEvents events = new LiveEvents(new StorageDashboardData(storage, 0), HOUR)) {
            FakeStream stream = new FakeStream();
            events.subscribe(stream, null, -1); // a cursor the data has moved past

            events.tick();

            assertThat(stream.sent).hasSize(3);
            assertThat(stream.sent.get(1)).startsWith("studies ");
            assertThat(stream.sent.get(2)).isEqualTo(": ping");
            assertThat(events.subscribers()).isOne();
        }
    }

    @Test
    void aStreamWhoseBrowserLeftIsFoundEndedByItsNextWriteAndWrittenToNoMore() {
        InMemoryStorage storage = new InMemoryStorage();
        try (LiveEvents events = new LiveEvents(new StorageDashboardData(storage, 0), HOUR)) {
            FakeStream stream = new FakeStream();
            events.subscribe(stream, null, -1); // behind the data: this tick writes a change, then the ping
            stream.browserGone = true;

            events.tick();
            events.tick();

            assertThat(stream.ended).as("the change's write found the browser gone").isTrue();
            assertThat(stream.afterEnd).as("writes Javalin would warn about").isEmpty();
            assertThat(events.subscribers()).isZero();
        }
    }

    @Test
    void closingEndsEveryStream() {
        LiveEvents events = new LiveEvents(new StorageDashboardData(new InMemoryStorage(), 0), HOUR);
        FakeStream stream = new FakeStream();
        events.subscribe(stream, null, 0);
        events.close();
        assertThat(stream.ended).isTrue();
        assertThat(events.subscribers()).isZero();
    }

    @Test
    void whileTheDatabaseIsDownStreamsStayOpenAreToldOnceAndHearWhenItAnswersAgain() {
        OutageData db = new OutageData(new StorageDashboardData(new InMemoryStorage(), 0));
        try (LiveEvents events = new LiveEvents(db.data(), HOUR)) {
            FakeStream first = new FakeStream();
            FakeStream second = new FakeStream();
            events.subscribe(first, null, -1); // cursors the data has moved past
            events.subscribe(second, null, -1);
            db.down = true;

            events.tick();
            events.tick();

            assertThat(events.subscribers()).as("streams kept open").isEqualTo(2);
            assertThat(db.callsWhileDown).as("reads per period, however many streams").hasValue(2);
            for (FakeStream stream : List.of(first, second)) {
                assertThat(stream.sent).filteredOn(line -> line.startsWith("unavailable "))
                        .singleElement().asString().contains(OutageData.MESSAGE);
            }
            FakeStream opened = new FakeStream();
            events.subscribe(opened, null, -1);
            assertThat(opened.sent).as("a stream opened during the outage").anyMatch(line -> line.startsWith("unavailable "));

            db.down = false;
            events.tick();

            for (FakeStream stream : List.of(first, second, opened)) {
                assertThat(stream.sent).anyMatch(line -> line.startsWith("available "))
                        .anyMatch(line -> line.startsWith("studies "));
            }
        }
    }

    @Test
    void aBusyDatabaseIsNoOutageStreamsAreToldNothingAndCatchUpOnceItAnswers() {
        OutageData db = new OutageData(new StorageDashboardData(new InMemoryStorage(), 0));
        try (LiveEvents events = new LiveEvents(db.data(), HOUR)) {
            FakeStream first = new FakeStream();
            FakeStream second = new FakeStream();
            events.subscribe(first, null, -1);
            events.subscribe(second, null, -1);
            db.busy = true;

            events.tick();
            FakeStream opened = new FakeStream();
            events.subscribe(opened, null, -1);

            assertThat(db.callsWhileDown).as("one read in the busy period, however many streams").hasValue(1);
            for (FakeStream stream : List.of(first, second, opened)) {
                assertThat(stream.sent).noneMatch(line -> line.startsWith("unavailable ") || line.startsWith("available "));
            }

            db.busy = false;
            events.tick();

            for (FakeStream stream : List.of(first, second)) {
                assertThat(stream.sent).anyMatch(line -> line.startsWith("studies ")).noneMatch(line -> line.startsWith("available "));
            }
        }
    }
}
