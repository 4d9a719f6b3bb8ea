package io.tunelab.dashboard.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunelab.search.storage.StorageException;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.tracker.query.ChangeQueries;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The change feed over a database that stops answering: it asks again once per retry delay, not once per caller. */
class TrackerChangeFeedOutageTest {

    /** A database of one study whose queries fail while it is down, and which counts what it was asked. */
    private static final class Database implements ChangeQueries {
        final List<String> asked = new ArrayList<>();
        volatile boolean down;
        volatile boolean downAfterLastPointId;

        private void ask(String query) {
            asked.add(query);
            if (down || downAfterLastPointId && !query.equals("lastPointId")) {
                throw new StorageException(StorageException.Kind.UNAVAILABLE, "database jdbc:h2:tcp://db/tracker unreachable");
            }
        }

        @Override
        public Map<Long, Long> counters() {
            ask("counters");
            return Map.of(1L, 5L);
        }

        @Override
        public List<ChangedTrial> changedTrials(long studyId, long cursor) {
            ask("changedTrials " + cursor);
            return List.of();
        }

        @Override
        public List<TrialActivity> activity(long studyId) {
            ask("activity");
            return List.of();
        }

        @Override
        public List<TrialActivity> activity(Collection<Long> trialIds) {
            ask("activity");
            return List.of();
        }

        @Override
        public List<FrozenTrial> trials(long studyId, Collection<Long> trialIds) {
            ask("trials");
            return List.of();
        }

        @Override
        public long lastPointId() {
            ask("lastPointId");
            return 0;
        }

        @Override
        public List<SeriesGrowth> grownSince(long afterPointId) {
            ask("grownSince");
            return List.of();
        }
    }

    @Test
    void callersDuringAnOutageGetTheFailureWithoutAskingTheDatabaseAgainUntilTheRetryIsDue() throws InterruptedException {
        Database db = new Database();
        TrackerChangeFeed feed = new TrackerChangeFeed(db, 0, id -> Map.of());
        feed.cursor();
        db.down = true;
        db.asked.clear();

        for (int caller = 0; caller < 50; caller++) {
            assertThatThrownBy(feed::cursor).isInstanceOf(StorageException.class).hasMessageContaining("unreachable");
        }
        assertThat(db.asked).as("queries sent by 50 callers during an outage").hasSize(1);

        db.down = false;
        Thread.sleep(1_100);
        feed.cursor();
        assertThat(db.asked).as("the retry, due a second later, gets through").hasSizeGreaterThan(1);
    }

    @Test
    void aFirstRefreshThatFailedHalfWayIsRepeatedInsteadOfReportingEveryTrialAsChanged() throws InterruptedException {
        Database db = new Database();
        TrackerChangeFeed feed = new TrackerChangeFeed(db, 0, id -> Map.of());
        db.downAfterLastPointId = true;
        assertThatThrownBy(feed::cursor).isInstanceOf(StorageException.class);

        db.downAfterLastPointId = false;
        Thread.sleep(1_100);
        feed.cursor();
        feed.cursor();

        assertThat(db.asked).as("a study read in full as new").noneMatch(q -> q.startsWith("changedTrials"));
    }
}
