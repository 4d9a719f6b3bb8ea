package io.tunelab.tracker.server;

import io.tunelab.search.sampler.RandomSampler;
import io.tunelab.search.study.OptimizeOptions;
import io.tunelab.search.study.Study;
import io.tunelab.tracker.artifact.LocalArtifactRepository;
import io.tunelab.tracker.db.Database;
import io.tunelab.tracker.db.DatabaseSettings;
import io.tunelab.tracker.store.JdbcTrialStorage;
import io.tunelab.tracker.store.StorageOptions;
import java.nio.file.Path;

/**
 * A worker process: joins study {@code args[1]} on the server at {@code args[0]} and runs
 * {@code args[2]} trials of an instant objective with the random sampler, then prints {@code finished}.
 */
public final class StudyWorkerMain {
    private StudyWorkerMain() {
    }

    public static void main(String[] args) {
        Database db = Database.open(DatabaseSettings.of(args[0]).withPoolSize(4));
        try (JdbcTrialStorage storage = new JdbcTrialStorage(db, true, new LocalArtifactRepository(Path.of(args[3])),
                StorageOptions.defaults())) {
            Study study = Study.builder(args[1]).storage(storage).seed(7).sampler(RandomSampler::new).createOrLoad();
            study.optimize(trial -> trial.suggestFloat("x", -1, 1) * trial.suggestFloat("y", -1, 1),
                    OptimizeOptions.trials(Integer.parseInt(args[2])).withParallelism(2));
        }
        System.out.println("finished");
    }
}
