package io.tunelab.tracker.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunelab.search.storage.StudyRecord;
import io.tunelab.search.storage.TrialStorage;
import io.tunelab.search.study.OptimizeOptions;
import io.tunelab.search.study.Study;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.TrialState;
import io.tunelab.tracker.config.StorageOptions;
import io.tunelab.tracker.query.StudySummary;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A storage opened for reading (what {@code tunelab studies}, {@code trials}, {@code best} and {@code compare} use)
 * reads an existing embedded database without writing a byte to it, refuses writes, and still creates or migrates a
 * database that needs it.
 */
class ReadingStorageTest {
    @TempDir
    Path tmp;

    private TrackerConfig config(Path dir) {
        return TrackerConfig.inDirectory(dir).withStorage(StorageOptions.defaults().withoutHeartbeat());
    }

    private void runStudy(TrackerConfig config) {
        try (Tracker tracker = Tracker.open(config)) {
            Study study = Study.builder("lr-search").storage(tracker.storage()).seed(3).create();
            study.optimize(trial -> trial.suggestReciprocal("lr", 1e-4, 1e-1), OptimizeOptions.trials(5));
        }
    }

    private static String digest(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    @Test
    void readingAnExistingDatabaseLeavesItsFileByteForByteAsItWas() throws Exception {
        Path dir = tmp.resolve(".tunelab");
        runStudy(config(dir));
        Path file = dir.resolve("tracker.mv.db");
        String before = digest(file);
        long modified = Files.getLastModifiedTime(file).toMillis();

        try (TrialStorage storage = Tracker.openStorageForReading(config(dir))) {
            StudyRecord study = storage.findStudy("lr-search").orElseThrow();
            assertThat(storage.trials(study.id(), EnumSet.allOf(TrialState.class))).hasSize(5);
            List<StudySummary> summaries = Tracker.queriesOf(storage).orElseThrow().studies();
            assertThat(summaries).singleElement().satisfies(s -> assertThat(s.totalTrials()).isEqualTo(5));
        }

        assertThat(digest(file)).as("the file after reading").isEqualTo(before);
        assertThat(Files.getLastModifiedTime(file).toMillis()).isEqualTo(modified);
    }

    @Test
    void writingThroughAStorageOpenedForReadingFailsAndLeavesTheDataAsItWas() {
        Path dir = tmp.resolve(".tunelab");
        runStudy(config(dir));

        try (TrialStorage storage = Tracker.openStorageForReading(config(dir))) {
            assertThatThrownBy(() -> storage.createStudy("another", List.of(Direction.MINIMIZE)))
                    .isInstanceOf(RuntimeException.class);
        }

        try (TrialStorage storage = Tracker.openStorage(config(dir))) {
            assertThat(storage.studies()).extracting(StudyRecord::name).containsExactly("lr-search");
        }
    }

    @Test
    void aDirectoryWithoutADatabaseGetsANewOneAsWhenOpenedForWriting() {
        Path dir = tmp.resolve("fresh");

        try (TrialStorage storage = Tracker.openStorageForReading(config(dir))) {
            assertThat(storage.studies()).isEmpty();
        }

        assertThat(dir.resolve("tracker.mv.db")).exists();
    }

    @Test
    void aDatabaseOfAnOlderSchemaIsMigratedWhenOpenedForReading() throws Exception {
        Path dir = tmp.resolve("legacy");
        Files.createDirectories(dir);
        try (InputStream in = getClass().getResourceAsStream("/fixtures/schema-v1/tracker.mv.db")) {
            assertThat(in).as("fixture on the test class path").isNotNull();
            Files.copy(in, dir.resolve("tracker.mv.db"));
        }

        try (TrialStorage storage = Tracker.openStorageForReading(config(dir))) {
            List<StudySummary> summaries = Tracker.queriesOf(storage).orElseThrow().studies();
            assertThat(summaries).extracting(StudySummary::name).containsExactly("legacy");
        }
    }
}
