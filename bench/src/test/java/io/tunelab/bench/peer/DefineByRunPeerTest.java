package io.tunelab.bench.peer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunelab.search.SearchException;
import io.tunelab.search.trial.RangeOptions;
import io.tunelab.search.trial.Trial;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 120, unit = TimeUnit.SECONDS)
class DefineByRunPeerTest {

    private static String optuna(String sampler) {
        Path here = Path.of("optuna_peer.py");
        return OptunaPeer.command("optuna:" + sampler, Files.isRegularFile(here) ? here : Path.of("bench", "optuna_peer.py"));
    }

    /** Suggests a log float, an int, a log int and a categorical, then the float again; records each trial's params. */
    private static ToDoubleFunction<Trial> mixed(List<Map<String, Object>> seen) {
        return trial -> {
            double lr = trial.suggestFloat("lr", 1e-5, 1e-1, RangeOptions.log());
            int layers = trial.suggestInt("layers", 1, 5);
            int units = trial.suggestInt("units", 16, 1024, RangeOptions.log());
            String optimizer = trial.suggestCategorical("optimizer", List.of("sgd", "adam", "rmsprop"));
            assertThat(trial.suggestFloat("lr", 1e-5, 1e-1, RangeOptions.log())).isEqualTo(lr);
            seen.add(Map.copyOf(trial.params()));
            return Math.abs(Math.log10(lr) + 3) + Math.abs(layers - 3) + Math.abs(units - 256) / 256.0
                    + (optimizer.equals("adam") ? 0 : 1);
        };
    }

    @Test
    void theOptunaPeerSuggestsEachParameterInItsDistributionAndRepeatsForTheSameSeed() {
        List<Map<String, Object>> first = new ArrayList<>();
        List<Map<String, Object>> again = new ArrayList<>();
        try (PeerProcess peer = PeerProcess.start(optuna("tpe"))) {
            PeerRun run = peer.run(mixed(first), 11, 14);
            peer.run(mixed(again), 11, 14);
            assertThat(run.bestAfter()).hasSize(14).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        }
        assertThat(first).hasSize(14).isEqualTo(again);
        for (Map<String, Object> params : first) {
            assertThat(params).containsOnlyKeys("lr", "layers", "units", "optimizer");
            assertThat((Double) params.get("lr")).isBetween(1e-5, 1e-1);
            assertThat((Integer) params.get("layers")).isBetween(1, 5);
            assertThat((Integer) params.get("units")).isBetween(16, 1024);
            assertThat(params.get("optimizer")).isIn("sgd", "adam", "rmsprop");
        }
        assertThat(first).extracting(p -> p.get("optimizer")).as("all three choices come up").contains("sgd", "adam",
                "rmsprop");
    }

    @Test
    void aValueOutsideItsDistributionIsReportedNamingTheParameter() {
        String peer = "echo '{\"peer\": \"fake\"}'; read line; echo '{\"ok\": true}'; read line; "
                + "echo '{\"trial\": 0}'; read line; echo '{\"value\": 9}'";
        try (PeerProcess p = PeerProcess.start(peer)) {
            assertThatThrownBy(() -> p.run(t -> t.suggestInt("layers", 1, 5), 1, 2)).isInstanceOf(SearchException.class)
                    .hasMessageContaining("parameter 'layers'").hasMessageContaining("9");
        }
    }

    @Test
    void aCategoricalAnswerMustBeAnIndexIntoTheChoices() {
        String peer = "echo '{\"peer\": \"fake\"}'; read line; echo '{\"ok\": true}'; read line; "
                + "echo '{\"trial\": 0}'; read line; echo '{\"value\": \"adam\"}'";
        try (PeerProcess p = PeerProcess.start(peer)) {
            assertThatThrownBy(() -> p.run(t -> t.suggestCategorical("opt", List.of("sgd", "adam")).length(), 1, 1))
                    .isInstanceOf(SearchException.class).hasMessageContaining("parameter 'opt'")
                    .hasMessageContaining("\"index\": 0 to 1");
        }
    }

    @Test
    void aPeersTrialRefusesWhatTheProtocolDoesNotCarry() {
        try (PeerProcess peer = PeerProcess.start(optuna("random"))) {
            assertThatThrownBy(() -> peer.run(t -> {
                t.report(0, 1.0);
                return 0;
            }, 1, 1)).isInstanceOf(SearchException.class).hasMessageContaining("report is not part of the peer protocol");
        }
    }

    @Test
    void aDistributionOptunaDoesNotHaveIsReportedByThePeer() {
        try (PeerProcess peer = PeerProcess.start(optuna("random"))) {
            assertThatThrownBy(() -> peer.run(t -> t.suggestExpon("decay", 0.1), 1, 1)).isInstanceOf(SearchException.class)
                    .hasMessageContaining("'decay'").hasMessageContaining("'expon' has no Optuna counterpart");
        }
    }
}
