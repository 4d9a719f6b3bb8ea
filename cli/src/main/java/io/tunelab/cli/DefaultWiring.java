package io.tunelab.cli;

import io.tunelab.cli.error.CliException;
import io.tunelab.cli.wiring.DjlTrainers;
import io.tunelab.cli.wiring.TrainerFactory;
import io.tunelab.cli.wiring.TribuoTrainers;
import io.tunelab.cli.wiring.Wiring;
import io.tunelab.search.storage.InMemoryStorage;
import io.tunelab.search.storage.TrialStorage;
import io.tunelab.tracker.artifact.LocalArtifactRepository;
import io.tunelab.tracker.db.Database;
import io.tunelab.tracker.setup.Tracker;
import io.tunelab.tracker.setup.TrackerConfig;
import io.tunelab.tracker.store.JdbcTrialStorage;
import java.util.List;

/** The wiring {@code tunelab} runs with: concrete classes of every module. */
public final class DefaultWiring implements Wiring {

    @Override
    public TrialStorage openStorage(String url) {
        if (url.startsWith("memory:")) {
            return new InMemoryStorage();
        }
        TrackerConfig config = TrackerLocation.config(url);
        Database db = Database.open(config.database());
        try {
            return new JdbcTrialStorage(db, true, new LocalArtifactRepository(config.artifactRoot()), config.storage());
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    @Override
    public Tracker openTracker(String url) {
        if (url.startsWith("memory:")) {
            throw new CliException("--storage: this command needs a tracker database, not memory:");
        }
        return Tracker.open(TrackerLocation.config(url));
    }

    @Override
    public List<TrainerFactory> trainers() {
        return List.of(new DjlTrainers(), new TribuoTrainers());
    }
}
