package io.tunelab.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchDashboardCommandTest {
    private static final List<String> JVM = List.of("-Xmx1g", "-XX:SharedArchiveFile=/a/b.jsa",
            "-Xlog:cds=off,cds+dynamic=off", "-Dai.djl.offline=true");

    @Test
    void theCliIsTimedThroughTheLauncherThatStartedTheBench(@TempDir Path dir) throws Exception {
        Path script = Files.writeString(dir.resolve("tunelab"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThat(BenchDashboardCommand.launcher(script.toString(), "java", JVM, "cp", "Main"))
                .containsExactly(script.toString());
    }

    @Test
    void withoutALauncherTheCliIsTimedWithThisJvmsClassDataArchive() {
        assertThat(BenchDashboardCommand.launcher(null, "/jdk/bin/java", JVM, "a.jar:b.jar", "Main")).containsExactly(
                "/jdk/bin/java", "-XX:SharedArchiveFile=/a/b.jsa", "-Xlog:cds=off,cds+dynamic=off",
                "-Dai.djl.offline=true", "-cp", "a.jar:b.jar", "Main");
        assertThat(BenchDashboardCommand.launcher("/no/such/tunelab", "java", List.of("-Xmx1g"), "cp", "Main"))
                .containsExactly("java", "-Dai.djl.offline=true", "-cp", "cp", "Main");
    }
}
