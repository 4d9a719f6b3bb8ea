package io.tunelab.cli.wiring;

import io.tunelab.cli.error.CliException;
import io.tunelab.search.storage.TrialStorage;
import io.tunelab.tracker.setup.Tracker;
import io.tunelab.trainers.device.DeviceInventory;
import io.tunelab.trainers.device.FixedDeviceInventory;
import java.util.List;

/**
 * The seams of the composition root: how commands get the concrete storage (and, as they arrive,
 * trainers, registry, dashboard). {@code io.tunelab.cli.DefaultWiring} is the real one; tests pass their own.
 */
public interface Wiring {

    /** Opens the storage at {@code url} (a JDBC URL, or {@code memory:} for a throw-away one). */
    TrialStorage openStorage(String url);

    /** Opens the storage {@code access} names, with its password and heartbeat where they apply. */
    default TrialStorage openStorage(StorageAccess access) {
        return openStorage(access.url());
    }

    /**
     * Opens the storage {@code access} names for a command that only reads it; writing through it may fail. The real
     * wiring opens an existing embedded database file read-only, so reading leaves it untouched.
     */
    default TrialStorage openStorageForReading(StorageAccess access) {
        return openStorage(access);
    }

    /**
     * Opens the storage {@code access} names for a command that joins a study already there ({@code worker}): the real
     * wiring refuses a directory or embedded H2 file that holds no tracker database, naming it, instead of creating an
     * empty one as {@link #openStorage(StorageAccess)} does.
     */
    default TrialStorage openExistingStorage(StorageAccess access) {
        return openStorage(access);
    }

    /** Opens the whole tracker {@code access} names, with its password where it applies. */
    default Tracker openTracker(StorageAccess access) {
        return openTracker(access.url());
    }

    /**
     * Opens the tracker {@code access} names for {@code tunelab dashboard}: as {@link #openTracker(StorageAccess)}, except
     * that the real wiring waits only seconds for an unreachable database, so the dashboard answers its pages with an
     * error they show while the database is down instead of holding every request for the workers' two minutes.
     */
    default Tracker openTrackerForDashboard(StorageAccess access) {
        return openTracker(access);
    }

    /**
     * Opens the tracker {@code access} names for a command that works on what a study or a registration left there
     * ({@code models}, {@code promote}, {@code serve}, {@code export}): the real wiring refuses a directory that holds
     * no tracker database, naming it, instead of creating an empty one as {@link #openTracker(StorageAccess)} does.
     */
    default Tracker openExistingTracker(StorageAccess access) {
        return openTracker(access);
    }

    /** Opens the whole tracker (storage, registry, queries) at {@code url}; commands that need more than storage use it. */
    default Tracker openTracker(String url) {
        throw new CliException("--storage: this wiring has no tracker database for '"
                + io.tunelab.tracker.config.DatabaseSettings.redacted(url) + "'");
    }

    /** The trainers study files may name. */
    default List<TrainerFactory> trainers() {
        return List.of();
    }

    /**
     * The CPU cores and GPUs this machine offers to trials ({@code parallel.devices: auto} uses the GPUs
     * when there are any). Default: the cores of this JVM, no GPU, the CPU build, without starting the engine.
     */
    default DeviceInventory devices() {
        return FixedDeviceInventory.cpuOnly(Runtime.getRuntime().availableProcessors());
    }
}
