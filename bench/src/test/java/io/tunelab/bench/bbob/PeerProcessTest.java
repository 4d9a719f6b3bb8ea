package io.tunelab.bench.bbob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunelab.search.SearchException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PeerProcessTest {

    /** The shipped peer script, from the module directory (Surefire's) or the project root. */
    private static Path script() {
        Path here = Path.of("optuna_peer.py");
        return Files.isRegularFile(here) ? here : Path.of("bench", "optuna_peer.py");
    }

    private static boolean pythonHasOptuna() throws Exception {
        try {
            Process p = new ProcessBuilder(OptunaPeer.python(), "-c", "import optuna").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    @Test
    void theOptunaPeerRunsFiveTrialsOnTheInstanceTunelabEvaluates() throws Exception {
        assertThat(pythonHasOptuna()).as("python3 with optuna 3.1 (apt-get install python3-optuna, as .ci/run does)").isTrue();
        BbobFunction f = BbobSuite.function(1, 2, 1);
        try (PeerProcess peer = PeerProcess.start(OptunaPeer.command("optuna:tpe", script()))) {
            assertThat(peer.name()).isEqualTo("optuna-tpe");
            PeerProcess.Run first = peer.run(f, 7, 5);
            PeerProcess.Run again = peer.run(f, 7, 5);
            assertThat(first.bestValue()).isGreaterThanOrEqualTo(f.fopt()).isEqualTo(again.bestValue());
            assertThat(first.msPerTrial()).isPositive();
        }
    }

    @Test
    void aPeerThatAnswersWithSomethingElseThanJsonIsReportedWithItsLine() {
        assertThatThrownBy(() -> PeerProcess.start("echo hello-there")).isInstanceOf(SearchException.class)
                .hasMessageContaining("peer 'echo hello-there'").hasMessageContaining("not JSON: hello-there");
    }

    @Test
    void aPeerThatExitsIsReportedInsteadOfWaitedFor() {
        assertThatThrownBy(() -> PeerProcess.start("exit 0")).isInstanceOf(SearchException.class)
                .hasMessageContaining("closed its output");
    }

    @Test
    void aPeerErrorReplyIsReportedWithItsMessage() {
        String peer = "echo '{\"peer\": \"fake\"}'; read line; echo '{\"error\": \"no such sampler\"}'";
        try (PeerProcess p = PeerProcess.start(peer)) {
            assertThat(p.name()).isEqualTo("fake");
            assertThatThrownBy(() -> p.run(BbobSuite.function(1, 2, 1), 1, 3)).isInstanceOf(SearchException.class)
                    .hasMessageContaining("answered start with error: no such sampler");
        }
    }

    @Test
    void optunaShorthandsExpandToTheShippedScriptAndOtherCommandsPassThrough() {
        Path script = script();
        assertThat(OptunaPeer.command("optuna:cmaes", script)).endsWith(script + " --sampler cmaes")
                .startsWith(OptunaPeer.python());
        assertThat(OptunaPeer.command("my-peer --flag", script)).isEqualTo("my-peer --flag");
        assertThatThrownBy(() -> OptunaPeer.command("optuna:gp", script)).hasMessageContaining("'gp'")
                .hasMessageContaining("cmaes");
    }
}
