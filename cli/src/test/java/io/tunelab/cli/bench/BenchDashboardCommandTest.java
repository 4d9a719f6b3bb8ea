package io.tunelab.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BenchDashboardCommandTest {

    @Test
    void theCliIsTimedWithTheClassDataArchiveThisJvmWasStartedWith() {
        assertThat(BenchDashboardCommand.classDataOptions(List.of("-Xmx1g", "-XX:SharedArchiveFile=/a/b.jsa",
                "-Xlog:cds=off,cds+dynamic=off", "-Dai.djl.offline=true")))
                .containsExactly("-XX:SharedArchiveFile=/a/b.jsa", "-Xlog:cds=off,cds+dynamic=off");
        assertThat(BenchDashboardCommand.classDataOptions(List.of("-Xmx1g"))).isEmpty();
    }
}
