package io.tunelab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunelab.cli.error.CliException;
import io.tunelab.cli.wiring.EnvironmentVariable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A bad value of a TUNELAB_* environment variable is an error naming the variable, its value and what was expected. */
@Timeout(120)
class EnvironmentVariablesTest {

    private static String tunelab(Map<String, String> env, Path dir, String... args) throws IOException, InterruptedException {
        ProcessBuilder builder = TunelabProcess.builder(List.of(), args).directory(dir.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("TUNELAB_"));
        builder.environment().putAll(env);
        Process p = builder.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isNotZero();
        return out;
    }

    @Test
    void badStorageVariablesAreNamedWithTheirValueAndNeverShowAPassword(@TempDir Path dir) throws Exception {
        String storage = tunelab(Map.of("TUNELAB_STORAGE", "postgres://ann:s3cret@db/tunelab"), dir, "studies");
        String pool = tunelab(Map.of("TUNELAB_DB_POOL_SIZE", "1", "TUNELAB_DB_PASSWORD", "x"), dir,
                "studies", "--storage", "jdbc:h2:tcp://127.0.0.1:1/tracker");
        String passwordFile = tunelab(Map.of("TUNELAB_DB_PASSWORD_FILE", "nowhere.password"), dir,
                "studies", "--storage", "jdbc:h2:tcp://127.0.0.1:1/tracker");

        assertThat(storage).contains("TUNELAB_STORAGE=postgres://ann:***@db/tunelab: expected a directory, a jdbc:h2:")
                .doesNotContain("s3cret");
        assertThat(pool).contains("TUNELAB_DB_POOL_SIZE=1: expected a whole number of connections, 2 or more");
        assertThat(passwordFile).contains("TUNELAB_DB_PASSWORD_FILE=nowhere.password: expected the file `tunelab server`")
                .doesNotContain("--password-file:");
    }

    @Test
    void anArtifactsVariableNamingAFileIsNamedWithItsValue(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("artifacts"), "not a directory");
        EnvironmentVariable artifacts = new EnvironmentVariable("TUNELAB_ARTIFACTS", file.toString());

        assertThatThrownBy(() -> TrackerLocation.artifactRoot(artifacts)).isInstanceOf(CliException.class)
                .hasMessage("TUNELAB_ARTIFACTS=" + file + ": expected a directory for the trials' models and files"
                        + " (created when missing), but it is a file");
        assertThat(TrackerLocation.artifactRoot(new EnvironmentVariable("TUNELAB_ARTIFACTS", dir.toString())))
                .isEqualTo(dir);
    }
}
