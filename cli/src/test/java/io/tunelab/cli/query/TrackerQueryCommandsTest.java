package io.tunelab.cli.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.cli.TunelabCommand;
import io.tunelab.search.storage.TrialStorage;
import io.tunelab.search.trial.Constraints;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.TrialState;
import io.tunelab.tracker.config.StorageOptions;
import io.tunelab.tracker.setup.Tracker;
import io.tunelab.tracker.setup.TrackerConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code studies} and {@code best} on a tracker database read the aggregates the database computes; the read
 * commands open the database read-only and write nothing to its file.
 */
class TrackerQueryCommandsTest {
    @TempDir
    Path dir;

    private String run(int expectedCode, String... args) {
        CommandLine cmd = TunelabCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        assertThat(cmd.execute(args)).as(err.toString()).isEqualTo(expectedCode);
        return out + err.toString();
    }

    private void fill() {
        try (TrialStorage storage = Tracker.openStorage(TrackerConfig.inDirectory(dir)
                .withStorage(StorageOptions.defaults().withoutHeartbeat()))) {
            long single = storage.createStudy("single", List.of(Direction.MINIMIZE)).id();
            double[] values = {3.0, 0.5, 1.5, 1.5};
            for (int n = 0; n < values.length; n++) {
                long id = storage.createRunningTrial(single).id();
                if (n == 1) {
                    storage.setUserAttr(id, Constraints.USER_ATTR, List.of(1.0));
                }
                storage.finishTrial(id, TrialState.COMPLETE, List.of(values[n]), null);
            }
            storage.finishTrial(storage.createRunningTrial(single).id(), TrialState.FAIL, List.of(), "diverged");
            storage.createRunningTrial(single);
            long multi = storage.createStudy("multi", List.of(Direction.MINIMIZE, Direction.MINIMIZE)).id();
            double[][] pairs = {{1, 4}, {2, 2}, {3, 3}, {4, 1}};
            for (double[] p : pairs) {
                storage.finishTrial(storage.createRunningTrial(multi).id(), TrialState.COMPLETE, List.of(p[0], p[1]), null);
            }
            storage.createStudy("empty", List.of(Direction.MAXIMIZE));
        }
    }

    @Test
    void studiesListsCountsInfeasibleTrialsAndTheFeasibleBestValue() {
        fill();
        String out = run(0, "studies", "--storage", dir.toString(), "--format", "csv");
        assertThat(out.lines()).contains("single,[minimize],6,4,0,1,1,1,1.5",
                "multi,\"[minimize, minimize]\",4,4,0,0,0,0,Pareto front: 3 trials",
                "empty,[maximize],0,0,0,0,0,0,");
    }

    @Test
    void bestShowsTheFirstFeasibleBestTrialOrTheParetoFront() {
        fill();
        assertThat(run(0, "best", "single", "--storage", dir.toString(), "--format", "csv").lines().skip(1))
                .singleElement().asString().startsWith("2,");
        assertThat(run(0, "best", "multi", "--storage", dir.toString(), "--format", "csv").lines().skip(1)
                .map(l -> l.split(",")[0])).containsExactly("0", "1", "3");
        assertThat(run(0, "best", "multi", "--storage", dir.toString()).lines().findFirst()).contains("Pareto front of 'multi':"
                + " 3 trials, none beaten in every objective by another");
        assertThat(run(0, "studies", "--storage", dir.toString(), "--format", "json")).contains("\"pareto_front\" : 3");
        assertThat(run(2, "best", "empty", "--storage", dir.toString())).contains("has no COMPLETE trial yet");
    }

    @Test
    void theReadCommandsLeaveTheDatabaseFileByteForByteAsItWas() throws Exception {
        fill();
        Path file = dir.resolve("tracker.mv.db");
        String before = digest(file);

        assertThat(run(0, "studies", "--storage", dir.toString())).contains("single");
        assertThat(run(0, "trials", "single", "--storage", dir.toString())).contains("RUNNING");
        assertThat(run(0, "best", "single", "--storage", dir.toString())).contains("1.5");
        assertThat(run(0, "compare", "single", "0", "2", "--storage", dir.toString())).contains("trial 2");

        assertThat(digest(file)).as("the database file after four read commands").isEqualTo(before);
    }

    private static String digest(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
