package io.tunelab.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShippedScriptTest {
    private static final String NAME = "optuna_peer.py";

    private static Path ship(Path file) throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "# peer\n");
        return file;
    }

    @Test
    void theScriptUnderTheWorkingDirectorysBenchComesFirst(@TempDir Path dir) throws Exception {
        Path script = ship(dir.resolve("work/bench/" + NAME));
        ship(dir.resolve("install/bench/" + NAME));
        assertThat(ShippedScript.locate(NAME, dir.resolve("work"), dir.resolve("install/tunelab").toString())).isEqualTo(script);
    }

    @Test
    void fromTheBenchDirectoryItselfTheScriptThereIsFound(@TempDir Path dir) throws Exception {
        Path script = ship(dir.resolve("bench/" + NAME));
        assertThat(ShippedScript.locate(NAME, dir.resolve("bench"), null)).isEqualTo(script);
    }

    @Test
    void fromAnotherDirectoryTheScriptBesideTheLauncherIsFound(@TempDir Path dir) throws Exception {
        Path script = ship(dir.resolve("install/bench/" + NAME));
        assertThat(ShippedScript.locate(NAME, dir.resolve("elsewhere"), dir.resolve("install/tunelab").toString()))
                .isEqualTo(script);
    }

    @Test
    void whenNoneExistsThePathUnderTheWorkingDirectoryIsKeptForTheErrorMessage(@TempDir Path dir) {
        Path expected = dir.resolve("bench").resolve(NAME);
        assertThat(ShippedScript.locate(NAME, dir, null)).isEqualTo(expected);
        assertThat(ShippedScript.locate(NAME, dir, dir.resolve("nowhere/tunelab").toString())).isEqualTo(expected);
    }
}
