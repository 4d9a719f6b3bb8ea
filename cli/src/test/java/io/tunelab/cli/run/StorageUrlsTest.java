package io.tunelab.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.cli.wiring.StorageAccess;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Storage URLs are printed without their password, and the suggested worker command can be pasted into a shell. */
class StorageUrlsTest {
    private static final String PG = "jdbc:postgresql://h:5432/db?user=u&password=secret&ssl=true";

    @Test
    void aPasswordInTheUrlIsRedacted() {
        assertThat(StorageUrls.redacted(PG)).isEqualTo("jdbc:postgresql://h:5432/db?user=u&password=***&ssl=true");
        assertThat(StorageUrls.redacted("jdbc:h2:tcp://h:9092/t;USER=sa;PASSWORD=x1"))
                .isEqualTo("jdbc:h2:tcp://h:9092/t;USER=sa;PASSWORD=***");
        assertThat(StorageUrls.redacted("jdbc:postgresql://u:pw@h/db")).isEqualTo("jdbc:postgresql://u:***@h/db");
        assertThat(StorageUrls.redacted(".tunelab")).isEqualTo(".tunelab");
    }

    @Test
    void theSuggestedWorkerCommandIsShellQuotedRedactedAndNamesThePasswordFile() {
        assertThat(StorageUrls.workerCommand(new StorageAccess(PG, null, null, null), "forest"))
                .isEqualTo("tunelab worker --storage 'jdbc:postgresql://h:5432/db?user=u&password=***&ssl=true' --study forest");
        assertThat(StorageUrls.workerCommand(new StorageAccess("jdbc:h2:tcp://10.0.0.1:9092/tracker",
                Path.of("/srv/t/tracker.password"), null, null), "it's"))
                .isEqualTo("tunelab worker --storage jdbc:h2:tcp://10.0.0.1:9092/tracker --password-file /srv/t/tracker.password"
                        + " --study 'it'\\''s'");
    }

    @Test
    void theRunSummaryNamesTheStorageWithoutItsPassword() {
        io.tunelab.search.study.Study study = io.tunelab.search.study.Study.builder("s")
                .storage(new io.tunelab.search.storage.InMemoryStorage())
                .direction(io.tunelab.search.trial.Direction.MINIMIZE).create();
        java.io.StringWriter said = new java.io.StringWriter();
        RunSummary.print(new java.io.PrintWriter(said), study, PG);

        assertThat(said.toString()).doesNotContain("secret").contains("Stored in jdbc:postgresql://h:5432/db?user=u&password=***")
                .contains("--storage 'jdbc:postgresql://");
    }
}
