package io.tunelab.tracker.server;

import io.tunelab.search.sampler.RandomSampler;
import io.tunelab.search.storage.TrialStorage;
import io.tunelab.search.study.OptimizeOptions;
import io.tunelab.search.study.Study;
import io.tunelab.tracker.config.DatabaseSettings;
import io.tunelab.tracker.config.PasswordFile;
import io.tunelab.tracker.config.StorageOptions;
import io.tunelab.tracker.setup.Tracker;
import io.tunelab.tracker.setup.TrackerConfig;
import java.nio.file.Path;

/**
 * A worker process: joins study {@code args[1]} on the server at {@code args[0]} and runs
 * {@code args[2]} trials of an instant objective with the random sampler, artifacts under {@code args[3]}, as
 * the study user with the password in file {@code args[4]}, then prints {@code finished}.
 */
public final class StudyWorkerMain {
    private StudyWorkerMain() {
    }

    public static void main(String[] args) {
        TrackerConfig config = new TrackerConfig(DatabaseSettings.of(args[0]).withPoolSize(4)
                .withCredentials(PasswordFile.STUDY_USER, PasswordFile.read(Path.of(args[4]))), Path.of(args[3]),
                StorageOptions.defaults());
        try (TrialStorage storage = Tracker.openStorage(config)) {
            Study study = Study.builder(args[1]).storage(storage).seed(7).sampler(RandomSampler::new).createOrLoad();
            study.optimize(trial -> trial.suggestFloat("x", -1, 1) * trial.suggestFloat("y", -1, 1),
                    OptimizeOptions.trials(Integer.parseInt(args[2])).withParallelism(2));
        }
        System.out.println("finished");
    }
}
