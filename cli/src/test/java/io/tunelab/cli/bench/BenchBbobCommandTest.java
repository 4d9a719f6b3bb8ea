package io.tunelab.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchBbobCommandTest {

    private static Path shipPeerUnder(Path dir) throws Exception {
        Path script = dir.resolve("bench").resolve("optuna_peer.py");
        Files.createDirectories(script.getParent());
        Files.writeString(script, "# peer\n");
        return script;
    }

    @Test
    void thePeerScriptUnderTheWorkingDirectoryComesFirst(@TempDir Path dir) throws Exception {
        Path work = dir.resolve("work");
        Path install = dir.resolve("install");
        Path script = shipPeerUnder(work);
        shipPeerUnder(install);
        assertThat(BenchBbobCommand.peerScript(work, install.resolve("tunelab").toString())).isEqualTo(script);
    }

    @Test
    void elsewhereThePeerScriptIsFoundBesideTheLauncher(@TempDir Path dir) throws Exception {
        Path install = dir.resolve("install");
        Path script = shipPeerUnder(install);
        assertThat(BenchBbobCommand.peerScript(dir.resolve("elsewhere"), install.resolve("tunelab").toString()))
                .isEqualTo(script);
    }

    @Test
    void withoutALauncherOrAScriptBesideItThePathUnderTheWorkingDirectoryIsKeptForTheErrorMessage(@TempDir Path dir) {
        Path expected = dir.resolve("bench").resolve("optuna_peer.py");
        assertThat(BenchBbobCommand.peerScript(dir, null)).isEqualTo(expected);
        assertThat(BenchBbobCommand.peerScript(dir, dir.resolve("nowhere").resolve("tunelab").toString())).isEqualTo(expected);
    }
}
