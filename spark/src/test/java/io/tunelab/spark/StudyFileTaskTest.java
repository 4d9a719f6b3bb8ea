package io.tunelab.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.cli.wiring.StorageAccess;
import org.junit.jupiter.api.Test;

class StudyFileTaskTest {

    @Test
    void aTaskAsSparkShowsItNamesItsStorageWithoutThePassword() {
        StudyFileTask task = StudyFileTask.of(StorageAccess.of("jdbc:postgresql://db/tunelab?user=ann&password=s3cret"), "forest", null);

        assertThat(task.toString()).contains("jdbc:postgresql://db/tunelab?user=ann&password=***").contains("forest")
                .doesNotContain("s3cret");
    }
}
