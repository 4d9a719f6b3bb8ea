package io.tunelab.tracker.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.tracker.provenance.RuntimeInfo;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class StorageOptionsTest {

    @Test
    void theDefaultsRecordThisProcessAsHostColonPid() {
        String id = StorageOptions.defaults().workerId();
        assertThat(id).isEqualTo(RuntimeInfo.defaultWorkerId()).endsWith(":" + ProcessHandle.current().pid());
    }

    @Test
    void aWorkerIdGivenIsKeptThroughTheOtherSettings() {
        StorageOptions options = StorageOptions.defaults().withWorkerId("gpu-box-3")
                .withHeartbeat(Duration.ofSeconds(1), Duration.ofSeconds(5)).withoutHeartbeat();
        assertThat(options.workerId()).isEqualTo("gpu-box-3");
    }

    @Test
    void theDefaultWorkerIdSurvivesTheOtherSettings() {
        assertThat(StorageOptions.defaults().withHeartbeat(Duration.ofSeconds(1), Duration.ofSeconds(5)).workerId())
                .isEqualTo(RuntimeInfo.defaultWorkerId());
    }
}
