package io.tunelab.dashboard.data;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.tracker.query.ChangeQueries;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The change feed's baseline of a study's attributes is what they were when a page read the study (after its cursor),
 * not what they are at the page's first request for changes: nothing set in between is lost. Over fake queries whose
 * studies hold no trial; a refresh interval of an hour stands for a clock that does not move.
 */
class TrackerChangeFeedBaselineTest {
    private static final long HOUR_MILLIS = 3_600_000;

    /** The database: each study's change counter and attributes, set by the test. */
    private final Map<Long, Long> counters = new HashMap<>(Map.of(1L, 0L));
    private final Map<Long, Map<String, Object>> attrs = new HashMap<>(Map.of(1L, Map.of()));

    private TrackerChangeFeed feed(long refreshMillis) {
        return new TrackerChangeFeed(new NoTrials(), refreshMillis, id -> attrs.get(id));
    }

    @Test
    void anAttributeSetBeforeTheStreamsFirstRequestIsAChangeAfterThePagesCursor() {
        TrackerChangeFeed feed = feed(0);
        long pageCursor = feed.cursor();
        feed.watch(1);
        attrs.put(1L, Map.of("user:owner", "ana"));

        Changes first = feed.since(1, pageCursor);
        assertThat(first.study()).isTrue();
        assertThat(first.cursor()).isGreaterThan(pageCursor);
        assertThat(feed.since(1, first.cursor()).study()).as("from the cursor that reported it").isFalse();
    }

    @Test
    void aPageThatSawTheAttributesAsTheyAreNowIsToldOfNoChange() {
        TrackerChangeFeed feed = feed(0);
        attrs.put(1L, Map.of("user:owner", "ana"));
        long pageCursor = feed.cursor();
        feed.watch(1);

        assertThat(feed.since(1, pageCursor).isEmpty()).isTrue();
    }

    @Test
    void aStudyCreatedSinceTheLastRefreshIsWatchedFromThePagesRead() {
        TrackerChangeFeed feed = feed(HOUR_MILLIS);
        feed.cursor();
        counters.put(2L, 1L);
        attrs.put(2L, Map.of());
        long pageCursor = feed.cursor();
        feed.watch(2);
        attrs.put(2L, Map.of("user:owner", "ana"));

        assertThat(feed.since(2, pageCursor).study()).as("no refresh was due, yet the new study's change is seen").isTrue();
    }

    /** Queries of studies that hold no trial and no series: only their counters come from the test. */
    private final class NoTrials implements ChangeQueries {
        @Override
        public Map<Long, Long> counters() {
            return Map.copyOf(counters);
        }

        @Override
        public List<ChangedTrial> changedTrials(long studyId, long cursor) {
            return List.of();
        }

        @Override
        public List<TrialActivity> activity(long studyId) {
            return List.of();
        }

        @Override
        public List<TrialActivity> activity(Collection<Long> trialIds) {
            return List.of();
        }

        @Override
        public List<FrozenTrial> trials(long studyId, Collection<Long> trialIds) {
            return List.of();
        }

        @Override
        public long lastPointId() {
            return 0;
        }

        @Override
        public List<SeriesGrowth> grownSince(long afterPointId) {
            return List.of();
        }
    }
}
