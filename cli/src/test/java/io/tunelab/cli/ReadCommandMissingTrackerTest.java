package io.tunelab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.search.storage.TrialStorage;
import io.tunelab.search.trial.Direction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands that only read ({@code studies}, {@code trials}, {@code best}, {@code compare}) refuse a
 * {@code --storage} directory or embedded H2 URL that holds no tracker, naming it, instead of creating an empty tracker there and
 * listing no studies as if they were lost.
 */
class ReadCommandMissingTrackerTest {

    @TempDir
    Path dir;

    @Test
    void everyReadCommandRefusesAMistypedDirectoryAndLeavesNothingBehind() {
        Path mistyped = dir.resolve("trakcer");
        for (List<String> command : List.of(List.of("studies"), List.of("trials", "s"), List.of("best", "s"),
                List.of("compare", "s", "0", "1"))) {
            List<String> args = new ArrayList<>(command);
            args.addAll(List.of("--storage", mistyped.toString()));

            CliRun run = CliRun.of(new DefaultWiring(), args.toArray(String[]::new));

            assertThat(run.code()).as(command.get(0)).isEqualTo(ExitCodes.INVALID_INPUT);
            assertThat(run.err()).as(command.get(0)).contains("--storage", "'" + mistyped + "'", "tracker.mv.db")
                    .doesNotContain("\tat ");
            assertThat(mistyped).as(command.get(0)).doesNotExist();
        }
    }

    @Test
    void everyReadCommandRefusesAnH2FileUrlThatDoesNotExistAndCreatesNoDatabase() throws Exception {
        String url = "jdbc:h2:" + dir.resolve("typo");
        for (List<String> command : List.of(List.of("studies"), List.of("trials", "s"), List.of("best", "s"),
                List.of("compare", "s", "0", "1"))) {
            List<String> args = new ArrayList<>(command);
            args.addAll(List.of("--storage", url));

            CliRun run = CliRun.of(new DefaultWiring(), args.toArray(String[]::new));

            assertThat(run.code()).as(command.get(0)).isEqualTo(ExitCodes.INVALID_INPUT);
            assertThat(run.err()).as(command.get(0))
                    .contains("--storage: no tracker at '" + url + "'", dir.resolve("typo.mv.db") + " does not exist")
                    .doesNotContain("\tat ");
            try (var files = Files.list(dir)) {
                assertThat(files).as(command.get(0)).isEmpty();
            }
        }
    }

    @Test
    void aMistypedServerUrlIsRefusedAndCreatesNoDatabaseInTheWorkingDirectory() throws Exception {
        String url = "jdbc:h2:tpc://127.0.0.1:19392/tracker"; // tcp mistyped: H2 would take it as a relative file
        Path created = Path.of("tpc:");
        try {
            for (List<String> command : List.of(List.of("studies"), List.of("trials", "s"))) {
                List<String> args = new ArrayList<>(command);
                args.addAll(List.of("--storage", url));

                CliRun run = CliRun.of(new DefaultWiring(), args.toArray(String[]::new));

                assertThat(run.code()).as(command.get(0)).isEqualTo(ExitCodes.INVALID_INPUT);
                assertThat(run.err()).as(command.get(0)).contains("--storage: no tracker at '" + url + "'")
                        .doesNotContain("\tat ");
                assertThat(created).as(command.get(0)).doesNotExist();
            }
        } finally {
            if (Files.exists(created)) {
                try (var files = Files.walk(created)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    @Test
    void anH2FileUrlAStudyRanWithIsReadAsBefore() {
        String url = "jdbc:h2:" + dir.resolve("tracker");
        try (TrialStorage storage = new DefaultWiring().openStorage(dir.toString())) {
            storage.createStudy("kept", List.of(Direction.MINIMIZE));
        }

        CliRun run = CliRun.of(new DefaultWiring(), "studies", "--storage", url);

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("kept");
    }

    @Test
    void anExistingDirectoryWithoutATrackerIsRefusedAndKeepsItsContents() throws Exception {
        Files.writeString(dir.resolve("notes.txt"), "mine");

        CliRun run = CliRun.of(new DefaultWiring(), "studies", "--storage", dir.toString());

        assertThat(run.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err()).contains("no tracker in '" + dir + "'");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("notes.txt");
        }
    }

    @Test
    void aDirectoryAStudyRanWithIsReadAsBefore() {
        try (TrialStorage storage = new DefaultWiring().openStorage(dir.toString())) {
            storage.createStudy("kept", List.of(Direction.MINIMIZE));
        }

        CliRun run = CliRun.of(new DefaultWiring(), "studies", "--storage", dir.toString());

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("kept");
    }
}
