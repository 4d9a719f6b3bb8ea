package io.tunelab.cli;

import io.tunelab.cli.error.CliException;
import io.tunelab.cli.wiring.DjlTrainers;
import io.tunelab.cli.wiring.StorageAccess;
import io.tunelab.cli.wiring.TrainerFactory;
import io.tunelab.cli.wiring.TribuoTrainers;
import io.tunelab.cli.wiring.Wiring;
import io.tunelab.search.storage.InMemoryStorage;
import io.tunelab.search.storage.TrialStorage;
import io.tunelab.tracker.setup.Tracker;
import io.tunelab.trainers.device.DeviceInventory;
import java.util.List;

/** The wiring {@code tunelab} runs with: concrete classes of every module. */
public final class DefaultWiring implements Wiring {

    @Override
    public TrialStorage openStorage(String url) {
        return openStorage(StorageAccess.of(url));
    }

    @Override
    public TrialStorage openStorage(StorageAccess access) {
        if (access.url().startsWith("memory:")) {
            return new InMemoryStorage();
        }
        return Tracker.openStorage(TrackerLocation.config(access));
    }

    @Override
    public TrialStorage openExistingStorage(StorageAccess access) {
        if (access.url().startsWith("memory:")) {
            return new InMemoryStorage();
        }
        return Tracker.openStorage(TrackerLocation.existing(access));
    }

    @Override
    public TrialStorage openStorageForReading(StorageAccess access) {
        if (access.url().startsWith("memory:")) {
            return new InMemoryStorage();
        }
        return Tracker.openStorageForReading(TrackerLocation.forReading(access));
    }

    @Override
    public Tracker openTracker(String url) {
        return openTracker(StorageAccess.of(url));
    }

    @Override
    public Tracker openTracker(StorageAccess access) {
        if (access.url().startsWith("memory:")) {
            throw new CliException("--storage: this command needs a tracker database, not memory:");
        }
        return Tracker.open(TrackerLocation.config(access));
    }

    @Override
    public Tracker openTrackerForDashboard(StorageAccess access) {
        if (access.url().startsWith("memory:")) {
            return openTracker(access);
        }
        return Tracker.open(TrackerLocation.forDashboard(access));
    }

    @Override
    public Tracker openExistingTracker(StorageAccess access) {
        if (access.url().startsWith("memory:")) {
            return openTracker(access);
        }
        return Tracker.open(TrackerLocation.existing(access));
    }

    /** What the DJL engine and the NVIDIA driver report. */
    @Override
    public DeviceInventory devices() {
        return DeviceInventory.engine();
    }

    /** DJL's and Tribuo's trainers; Tribuo's loggers are quieted first ({@link TunelabCommand#quietLibraries()}). */
    @Override
    public List<TrainerFactory> trainers() {
        TunelabCommand.quietLibraries();
        return List.of(new DjlTrainers(), new TribuoTrainers());
    }
}
