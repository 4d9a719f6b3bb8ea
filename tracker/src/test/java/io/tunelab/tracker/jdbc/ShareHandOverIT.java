package io.tunelab.tracker.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.search.storage.TrialStorage;
import io.tunelab.tracker.durability.StartedProcesses;
import io.tunelab.tracker.setup.Tracker;
import io.tunelab.tracker.setup.TrackerConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded database of a directory passes from process to process as they end, each writing all along: when its
 * holder ends, one of the processes joined to it takes the file over and shares it, the others join that share, and
 * nothing anyone was told is written is lost, nor does anyone see an error.
 */
@Timeout(240)
class ShareHandOverIT {
    @TempDir
    Path dir;

    @RegisterExtension
    final StartedProcesses<WritingProcess> started = StartedProcesses.stoppedBy(WritingProcess::close);

    private WritingProcess start(String name) throws Exception {
        WritingProcess p = started.add(WritingProcess.start(dir, name));
        p.writesOn(3);
        return p;
    }

    /** The one of {@code joined} that holds the file now, after each has written through the hand-over. */
    private static WritingProcess successor(List<WritingProcess> joined) throws Exception {
        for (WritingProcess p : joined) {
            p.writesOn(5);
        }
        List<WritingProcess> holding = new ArrayList<>();
        for (WritingProcess p : joined) {
            if (p.holding()) {
                holding.add(p);
            }
        }
        assertThat(holding).as("exactly one process took the file over").hasSize(1);
        return holding.get(0);
    }

    private void assertEverythingWrittenIsInTheFile() {
        assertThat(dir.resolve(LocalShare.FILE)).as("the last process ended the share").doesNotExist();
        try (TrialStorage reader = Tracker.openStorageForReading(TrackerConfig.inDirectory(dir))) {
            for (WritingProcess p : started.all()) {
                assertThat(p.errors()).as("errors %s saw", p.name()).isEmpty();
                assertThat(p.wrote()).as("studies %s wrote", p.name()).isNotEmpty()
                        .allSatisfy(study -> assertThat(reader.findStudy(study)).as(study).isPresent());
            }
        }
    }

    @Test
    void theFilePassesDownAChainOfProcessesAndALateOneJoinsTheSuccessor() throws Exception {
        WritingProcess a = start("a");
        WritingProcess b = start("b");
        WritingProcess c = start("c");
        assertThat(a.holding()).isTrue();

        a.end();
        WritingProcess first = successor(List.of(b, c));
        WritingProcess other = first == b ? c : b;
        WritingProcess d = start("d");
        assertThat(d.holding()).as("a late process joins the successor's share").isFalse();

        first.end();
        WritingProcess second = successor(List.of(other, d));
        WritingProcess last = second == other ? d : other;

        second.end();
        assertThat(successor(List.of(last))).isSameAs(last);
        last.end();

        assertEverythingWrittenIsInTheFile();
    }

    @Test
    void ofThreeProcessesRacingForTheFileOneWinsAndTheOthersJoinIt() throws Exception {
        WritingProcess a = start("a");
        List<WritingProcess> joined = List.of(start("b"), start("c"), start("d"));

        a.end();
        successor(joined);

        for (WritingProcess p : joined) {
            p.end();
        }
        assertEverythingWrittenIsInTheFile();
    }

    @Test
    void aHolderKilledInTheMiddleOfAChainIsSucceededByAnother() throws Exception {
        WritingProcess a = start("a");
        WritingProcess b = start("b");
        WritingProcess c = start("c");
        a.end();
        WritingProcess first = successor(List.of(b, c));
        WritingProcess other = first == b ? c : b;
        WritingProcess d = start("d");

        first.kill();
        WritingProcess second = successor(List.of(other, d));

        second.end();
        (second == d ? other : d).end();
        assertEverythingWrittenIsInTheFile();
    }
}
