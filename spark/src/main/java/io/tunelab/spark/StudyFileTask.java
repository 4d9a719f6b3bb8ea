package io.tunelab.spark;

import io.tunelab.cli.DefaultWiring;
import io.tunelab.cli.TunelabCommand;
import io.tunelab.cli.error.CliException;
import io.tunelab.cli.run.SlotPlan;
import io.tunelab.cli.run.StorageUrls;
import io.tunelab.cli.run.StudyWorker;
import io.tunelab.cli.wiring.StorageAccess;
import io.tunelab.cli.wiring.Wiring;
import io.tunelab.search.exec.Slot;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.LoggerFactory;

/**
 * One Spark task of a study created from a study file: the worker loop of {@code tunelab worker}
 * ({@link StudyWorker}) on the task's slots, with the real wiring of the executor it runs on.
 *
 * @param url          the shared storage's URL
 * @param passwordFile a tracker server's password file ({@code --password-file}), or null
 * @param study        the study to join
 * @param interval     the heartbeat interval the driver chose (study file, then options)
 * @param grace        the heartbeat grace
 * @param wiring       the class of the {@link Wiring} executors use ({@value #WIRING}; default {@link DefaultWiring})
 */
record StudyFileTask(String url, String passwordFile, String study, Duration interval, Duration grace, String wiring)
        implements TaskWork<StudyWorker.Outcome> {
    /**
     * The Spark setting naming the executors' {@link Wiring}: a class with a public no-argument constructor,
     * for trainers of one's own (their jar passed with {@code --jars}).
     */
    static final String WIRING = "spark.tunelab.wiring";

    StudyFileTask {
        if (wiring == null) {
            wiring = DefaultWiring.class.getName();
        }
        if (url.startsWith("memory:")) {
            throw new CliException("--storage: Spark tasks need a database every executor reaches (a"
                    + " jdbc:postgresql:// or jdbc:h2:tcp:// URL of `tunelab server`), got '" + url + "'");
        }
    }

    static StudyFileTask of(StorageAccess access, String study, String wiring) {
        return new StudyFileTask(access.url(), access.passwordFile() == null ? null : access.passwordFile().toString(),
                study, access.heartbeatInterval(), access.heartbeatGrace(), wiring);
    }

    /** The task as Spark's logs and errors may show it: the storage URL without its password. */
    @Override
    public String toString() {
        return "StudyFileTask[url=" + StorageUrls.redacted(url) + ", study=" + study + ", wiring=" + wiring + "]";
    }

    StorageAccess access() {
        return new StorageAccess(url, passwordFile == null ? null : Path.of(passwordFile), interval, grace);
    }

    @Override
    public StudyWorker.Outcome run(SlotPlan plan) {
        TunelabCommand.quietLibraries();
        Wiring executorWiring = executorWiring();
        StorageAccess access = access();
        try (PrintWriter out = new PrintWriter(new LogWriter(LoggerFactory.getLogger("io.tunelab.spark.task." + study)))) {
            return new StudyWorker(executorWiring, access, file -> access)
                    .work(study, runner -> checked(plan, executorWiring), out, false);
        }
    }

    private Wiring executorWiring() {
        try {
            return Class.forName(wiring).asSubclass(Wiring.class).getConstructor().newInstance();
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new CliException(WIRING + ": expected a class implementing " + Wiring.class.getName()
                    + " with a public no-argument constructor, on the executors' class path, got '" + wiring + "' (" + e + ")");
        }
    }

    /** {@code plan}, its GPU slots checked against the devices of this executor. */
    private static SlotPlan checked(SlotPlan plan, Wiring wiring) {
        if (plan.slots().slots().stream().noneMatch(Slot::isGpu)) {
            return plan;
        }
        return new SlotPlan(SlotPlan.of(plan.slots(), wiring.devices(), "parallel.devices").slots(), plan.cpuThreadsPerTrial());
    }
}
