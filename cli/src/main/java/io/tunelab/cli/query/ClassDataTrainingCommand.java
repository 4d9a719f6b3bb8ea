package io.tunelab.cli.query;

import io.tunelab.cli.error.CliException;
import io.tunelab.cli.wiring.Wiring;
import io.tunelab.search.space.CategoricalDistribution;
import io.tunelab.search.space.FloatDistribution;
import io.tunelab.search.space.IntDistribution;
import io.tunelab.search.storage.TrialStorage;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.TrialState;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code tunelab cds-training --storage DIR} (hidden): writes a small study, {@value #STUDY}, into an empty tracker,
 * so that the launcher's class-data training runs {@code best} and {@code trials} down the path of a real study
 * (loading trials, their parameters and values, formatting rows) and not only their "no such study" error. Refuses a
 * tracker that already holds a study: it is meant for the launcher's scratch directory.
 */
@Command(name = "cds-training", hidden = true,
        description = "Write a small study into an empty tracker (the launcher trains its class-data archive on it).")
public final class ClassDataTrainingCommand implements Callable<Integer> {
    /** The study written. */
    public static final String STUDY = "cds-training";

    private final Wiring wiring;

    @Mixin
    StorageUrlOption storage;

    ClassDataTrainingCommand(Wiring wiring) {
        this.wiring = wiring;
    }

    @Override
    public Integer call() {
        try (TrialStorage s = wiring.openStorage(storage.access())) {
            int held = s.studies().size();
            if (held > 0) {
                throw new CliException("--storage " + storage.url() + ": holds " + (held == 1 ? "a study" : held + " studies")
                        + "; cds-training writes only into an empty tracker");
            }
            long study = s.createStudy(STUDY, List.of(Direction.MINIMIZE)).id();
            s.setStudySystemAttr(study, "sampler", java.util.Map.of("type", "random", "seed", 1));
            for (int n = 0; n < 3; n++) {
                long trial = s.createRunningTrial(study).id();
                s.setParam(trial, "lr", 0.001 * (n + 1), FloatDistribution.logUniform(1e-4, 1e-1));
                s.setParam(trial, "layers", n + 1, IntDistribution.uniform(1, 3));
                s.setParam(trial, "act", n == 1 ? "elu" : "relu", CategoricalDistribution.of("relu", "elu"));
                s.setUserAttr(trial, "note", "trial " + n);
                s.setIntermediateValue(trial, 0, 1.0 + n);
                TrialState state = n == 2 ? TrialState.FAIL : TrialState.COMPLETE;
                s.finishTrial(trial, state, state == TrialState.COMPLETE ? List.of(0.5 - 0.1 * n) : List.of(),
                        state == TrialState.FAIL ? "stopped" : null);
            }
        }
        return 0;
    }
}
