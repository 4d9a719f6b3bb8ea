package io.tunelab.bench.peer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.tunelab.bench.bbob.BbobFunction;
import io.tunelab.bench.bbob.BbobSuite;
import io.tunelab.search.SearchException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PeerProcessTest {

    /** The shipped peer script, from the module directory (Surefire's) or the project root. */
    private static Path script() {
        Path here = Path.of("optuna_peer.py");
        return Files.isRegularFile(here) ? here : Path.of("bench", "optuna_peer.py");
    }

    private static PeerBox box(double step) {
        return PeerBox.cube(2, -5, 5, step);
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
            PeerRun first = peer.run(box(0), f::value, 7, 5);
            PeerRun again = peer.run(box(0), f::value, 7, 5);
            assertThat(first.bestAfter()).hasSize(5).isSortedAccordingTo(java.util.Comparator.reverseOrder());
            assertThat(first.msAfter()).hasSize(5).isSorted();
            assertThat(first.bestValue()).isGreaterThanOrEqualTo(f.fopt()).isEqualTo(again.bestValue());
            assertThat(first.msPerTrial()).isPositive();
        }
    }

    @Test
    void optunasNsga2PeerTakesTwoObjectivesAndEveryTrialKeepsItsValues() throws Exception {
        assertThat(pythonHasOptuna()).as("python3 with optuna 3.1 (apt-get install python3-optuna, as .ci/run does)").isTrue();
        try (PeerProcess peer = PeerProcess.start(OptunaPeer.command("optuna:nsga2", script()))) {
            assertThat(peer.name()).isEqualTo("optuna-nsga2");
            PeerRun run = peer.runObjectives(t -> {
                double x = t.suggestFloat("x", 0, 1);
                return new double[] {x, 1 - x * x};
            }, 2, 3, 6);
            assertThat(run.values()).hasNumberOfRows(6);
            assertThat(java.util.Arrays.asList(run.values())).allSatisfy(v -> assertThat(v[0] * v[0] + v[1])
                    .isCloseTo(1, within(1e-12)));
            assertThat(peer.runObjectives(t -> new double[] {t.suggestFloat("x", 0, 1), 0}, 2, 3, 6).values()[5][0])
                    .isEqualTo(run.values()[5][0]);
        }
    }

    @Test
    void withAStepTheOptunaPeerProposesOnlyGridPoints() throws Exception {
        assertThat(pythonHasOptuna()).as("python3 with optuna 3.1 (apt-get install python3-optuna, as .ci/run does)").isTrue();
        BbobFunction f = BbobSuite.function(1, 2, 1);
        try (PeerProcess peer = PeerProcess.start(OptunaPeer.command("optuna:random", script()))) {
            PeerRun run = peer.run(box(0.5), f::value, 3, 12); // a proposal off the grid would fail the run
            double[] x = new double[2];
            boolean onGrid = false;
            // the best value is the function's value at some point of the grid
            for (int i = 0; i <= 20 && !onGrid; i++) {
                for (int j = 0; j <= 20 && !onGrid; j++) {
                    x[0] = -5 + 0.5 * i;
                    x[1] = -5 + 0.5 * j;
                    onGrid = f.value(x) == run.bestValue();
                }
            }
            assertThat(onGrid).isTrue();
        }
    }

    @Test
    void aPeerThatIgnoresTheStepIsReportedInsteadOfComparedOnAnotherSpace() {
        String peer = "echo '{\"peer\": \"fake\"}'; read line; echo '{\"ok\": true}'; read line; "
                + "echo '{\"trial\": 0, \"x\": [0.25, 1.0]}'";
        try (PeerProcess p = PeerProcess.start(peer)) {
            assertThatThrownBy(() -> p.run(box(0.5), BbobSuite.function(1, 2, 1)::value, 1, 3)).isInstanceOf(SearchException.class)
                    .hasMessageContaining("x0 = 0.25, off the grid of step 0.5");
        }
    }

    @Test
    void aProposalOutsideTheBoxIsReportedInsteadOfEvaluated() {
        String peer = "echo '{\"peer\": \"fake\"}'; read line; echo '{\"ok\": true}'; read line; "
                + "echo '{\"trial\": 0, \"x\": [0.5, 7.5]}'";
        try (PeerProcess p = PeerProcess.start(peer)) {
            assertThatThrownBy(() -> p.run(box(0), x -> 0, 1, 3)).isInstanceOf(SearchException.class)
                    .hasMessageContaining("x1 = 7.5, outside [-5.0, 5.0]");
        }
    }

    @Test
    void aBoxNeedsMatchingBoundsAndANonNegativeStep() {
        assertThatThrownBy(() -> new PeerBox(new double[] {0, 0}, new double[] {1}, 0))
                .hasMessageContaining("2 and 1");
        assertThatThrownBy(() -> PeerBox.cube(2, 0, 1, -0.5)).hasMessageContaining("got -0.5");
    }

    @Test
    void aPeerThatAnswersWithSomethingElseThanJsonIsReportedWithItsLine() {
        assertThatThrownBy(() -> PeerProcess.start("echo hello-there")).isInstanceOf(SearchException.class)
                .hasMessageContaining("peer 'echo hello-there'").hasMessageContaining("not JSON: hello-there");
    }

    @Test
    void startingSeveralPeersGivesAllOrNoneAndNamesTheOneThatFailed() {
        String fake = "echo '{\"peer\": \"fake\"}'; read line";
        List<PeerProcess> both = PeerProcess.startAll(List.of(fake, fake));
        assertThat(both).extracting(PeerProcess::name).containsExactly("fake", "fake");
        both.forEach(PeerProcess::close);
        assertThatThrownBy(() -> PeerProcess.startAll(List.of(fake, "exit 4"))).isInstanceOf(SearchException.class)
                .hasMessageContaining("peer 'exit 4'");
        assertThat(PeerProcess.startAll(List.of())).isEmpty();
    }

    @Test
    void aPeerThatExitsIsReportedInsteadOfWaitedFor() {
        assertThatThrownBy(() -> PeerProcess.start("exit 0")).isInstanceOf(SearchException.class)
                .hasMessageContaining("closed its output");
    }

    @Test
    void theOptunaPeerWithoutOptunaSaysWhichPythonLacksItAndHowToFixIt(@TempDir Path dir) throws Exception {
        Path fake = Files.createDirectories(dir.resolve("optuna"));
        Files.writeString(fake.resolve("__init__.py"), "raise ImportError(\"No module named 'optuna'\")\n");
        String command = "PYTHONPATH=" + dir + " " + OptunaPeer.command("optuna:tpe", script());
        assertThatThrownBy(() -> PeerProcess.start(command)).isInstanceOf(SearchException.class)
                .hasMessageContaining("could not start: optuna cannot be imported by ")
                .hasMessageContaining("No module named 'optuna'")
                .hasMessageContaining("python3-optuna").hasMessageContaining("--peer optuna:SAMPLER");
    }

    @Test
    void aPeerErrorReplyIsReportedWithItsMessage() {
        String peer = "echo '{\"peer\": \"fake\"}'; read line; echo '{\"error\": \"no such sampler\"}'";
        try (PeerProcess p = PeerProcess.start(peer)) {
            assertThat(p.name()).isEqualTo("fake");
            assertThatThrownBy(() -> p.run(box(0), BbobSuite.function(1, 2, 1)::value, 1, 3)).isInstanceOf(SearchException.class)
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
