package io.tunelab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.cli.wiring.DjlTrainers;
import io.tunelab.cli.wiring.TribuoTrainers;
import io.tunelab.search.storage.InMemoryStorage;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.TrialState;
import io.tunelab.trainers.device.FixedDeviceInventory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A study file's conditional parameters ({@code when}, {@code per_layer} with {@code when}) exist in the trials a run
 * stores exactly where the dry run shows them for the same seed: a parameter whose condition is false is absent,
 * whatever the trainer, and with {@code include: defaults} too.
 */
@Timeout(300)
class ConditionalSpaceRunTest {
    private static final String DJL = """
            direction: minimize
            metric: val_loss
            sampler: {type: random, seed: 3}
            budget: {trials: 6}
            trainer: djl-mlp
            data: {dataset: synthetic-series, n_series: 300, n_steps: 10, horizon: 1, seed: 1}
            fit: {epochs: 1, batch_size: 32}
            """;

    private final InMemoryStorage storage = new InMemoryStorage();
    private final io.tunelab.cli.wiring.Wiring wiring = CliRun.wiring(FixedDeviceInventory.cpuOnly(1), storage,
            new DjlTrainers(), new TribuoTrainers());

    /** The dry run's sampled configurations, by parameter: one cell per trial, '-' where the trial does not have it. */
    private Map<String, List<String>> dryRun(Path file, int samples) {
        CliRun r = CliRun.of(wiring, "run", "--dry-run", "--samples", String.valueOf(samples), file.toString());
        assertThat(r.code()).as(r.err()).isZero();
        List<String> lines = r.out().lines().toList();
        int header = lines.indexOf(lines.stream().filter(l -> l.trim().startsWith("PARAMETER") && l.contains("#0"))
                .findFirst().orElseThrow());
        Map<String, List<String>> cells = new LinkedHashMap<>();
        for (String line : lines.subList(header + 1, lines.size())) {
            if (line.isBlank()) {
                break;
            }
            List<String> row = Arrays.asList(line.trim().split("\\s{2,}"));
            cells.put(row.get(0), row.subList(row.size() - samples, row.size()));
        }
        return cells;
    }

    /** The same, as the trials the run stored have them. */
    private Map<String, List<String>> stored(String study, Iterable<String> names) {
        List<FrozenTrial> trials = new ArrayList<>(storage.trials(storage.findStudy(study).orElseThrow().id(),
                EnumSet.of(TrialState.COMPLETE)));
        trials.sort(Comparator.comparingInt(FrozenTrial::number));
        Map<String, List<String>> cells = new LinkedHashMap<>();
        for (String name : names) {
            cells.put(name, trials.stream().map(t -> t.params().containsKey(name) ? DryRun.show(t.params().get(name)) : "-")
                    .toList());
        }
        return cells;
    }

    private void storedTrialsAreTheDryRunsSamples(Path dir, String study, String body, int trials) throws Exception {
        Path file = dir.resolve(study + ".yaml");
        Files.writeString(file, "study: " + study + "\n" + body);
        Map<String, List<String>> shown = dryRun(file, trials);

        CliRun run = CliRun.of(wiring, "run", file.toString());

        assertThat(run.code()).as(run.out() + run.err()).isZero();
        assertThat(stored(study, shown.keySet())).isEqualTo(shown);
        assertThat(shown.values()).as("precondition: some trial lacks a conditional parameter")
                .anyMatch(cells -> cells.contains("-"));
    }

    @Test
    void aDjlTrialHasAConditionalParameterOnlyWhereTheDryRunShowsIt(@TempDir Path dir) throws Exception {
        storedTrialsAreTheDryRunsSamples(dir, "condv4", DJL + """
                space:
                  n_hidden: {int: [0, 3]}
                  optimizer: {choice: [sgd, adam]}
                  dropout: {float: [0.0, 0.5], when: {n_hidden: {ge: 2}, optimizer: {ne: sgd}}}
                """, 6);
    }

    @Test
    void aDjlTrialHasAPerLayerConditionalWidthOnlyWhereTheDryRunShowsIt(@TempDir Path dir) throws Exception {
        storedTrialsAreTheDryRunsSamples(dir, "layers", DJL + """
                space:
                  n_hidden: {int: [1, 3]}
                  optimizer: {choice: [sgd, adam]}
                  n_units_l{i}: {int: [4, 8], per_layer: n_hidden, when: {optimizer: adam}}
                """, 6);
    }

    @Test
    void withIncludeDefaultsASwitchedOffParameterIsAbsentRatherThanSearchedOverTheBuiltInRange(@TempDir Path dir)
            throws Exception {
        storedTrialsAreTheDryRunsSamples(dir, "inc", """
                direction: maximize
                metric: accuracy
                sampler: {type: random, seed: 3}
                budget: {trials: 4}
                trainer: tribuo-xgboost
                data: {dataset: synthetic-classification, samples: 200, classes: 2, seed: 1}
                space:
                  include: defaults
                  rounds: {choice: [20]}
                  max_depth: {int: [2, 4]}
                  eta: {float: [0.05, 0.3], when: {max_depth: {ge: 3}}}
                """, 4);
    }
}
