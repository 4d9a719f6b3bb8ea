package io.tunelab.cli.registry;

import io.tunelab.cli.error.CliException;
import io.tunelab.cli.wiring.StorageAccess;
import io.tunelab.cli.wiring.Wiring;
import io.tunelab.search.storage.StudyCopy;
import io.tunelab.search.storage.StudyRecord;
import io.tunelab.search.storage.TrialStorage;
import io.tunelab.search.trial.TrialState;
import io.tunelab.tracker.config.DatabaseSettings;
import io.tunelab.tracker.setup.Tracker;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tunelab copy STUDY --from URL|DIR --to URL|DIR [--as NAME]} (Optuna's {@code copy_study}): copies a study with
 * everything {@link StudyCopy} copies to another tracker, or under another name to the same one; a backup is a copy
 * to a directory. Model registry entries and provenance are not copied. A target that has a study of that name, and
 * a study with RUNNING trials without {@code --include-running}, are refused with exit code 2 and nothing written.
 * When the copy fails midway, the partial study is deleted from the target and the error says so.
 */
@Command(name = "copy", mixinStandardHelpOptions = true,
        description = {"Copy a study to another tracker (a backup, a move to a shared server) or, with --as, under"
                + " another name: its directions, attributes and study file, and every trial with its number, state,"
                + " parameters, values, intermediate values, attributes, times, message, metric series, summaries"
                + " (histograms, images, texts) and artifact files.",
                "Not copied: model registry entries and provenance (the registry is separate, as MLflow's). WAITING"
                        + " trials stay WAITING; a study with RUNNING trials is refused unless --include-running,"
                        + " which copies them as FAIL with the message 'copied while running'.",
                "If the copy fails midway, the partial study is deleted from the target."})
public final class CopyCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "STUDY", description = "The study to copy.")
    String study;

    @Option(names = "--from", required = true, paramLabel = "URL|DIR",
            description = "Tracker to copy from: a directory for the embedded database or a JDBC URL"
                    + " (jdbc:h2:tcp://..., jdbc:postgresql://...), as --storage takes.")
    String from;

    @Option(names = "--to", required = true, paramLabel = "URL|DIR",
            description = "Tracker to copy to, as --from (a directory is created if needed); may be --from itself"
                    + " with --as.")
    String to;

    @Option(names = "--as", paramLabel = "NAME", description = "The copy's name (default: STUDY's).")
    String as;

    @Option(names = "--from-password-file", paramLabel = "FILE",
            description = "File holding the password of --from's tracker server (as --password-file).")
    Path fromPasswordFile;

    @Option(names = "--to-password-file", paramLabel = "FILE",
            description = "File holding the password of --to's tracker server (as --password-file).")
    Path toPasswordFile;

    @Option(names = "--include-running",
            description = "Copy a study that has RUNNING trials, each as a FAIL trial 'copied while running'.")
    boolean includeRunning;

    @Spec
    CommandSpec spec;

    private final Wiring wiring;

    CopyCommand(Wiring wiring) {
        this.wiring = wiring;
    }

    @Override
    public Integer call() {
        String name = as != null ? as : study;
        if (to.startsWith("memory:")) {
            throw new CliException("--to: a copy into memory: would vanish when tunelab exits; expected a directory or"
                    + " a jdbc:h2:... or jdbc:postgresql:... URL");
        }
        boolean same = from.equals(to);
        try (Tracker target = flag("--to", () -> wiring.openTracker(new StorageAccess(to, toPasswordFile, null, null)));
             TrialStorage source = same ? null : flag("--from", () -> wiring.openExistingStorage(
                     new StorageAccess(from, fromPasswordFile, null, null)))) {
            StudyCopy.Report r = copy(same ? target.storage() : source, target, name);
            PrintWriter out = spec.commandLine().getOut();
            out.printf("Copied study '%s' (%s, %s, %s, %s) to %s as '%s'%n", study, count(r.trials(), "trial"),
                    count(r.metricPoints(), "metric point"), count(r.summaries(), "summary"),
                    count(r.artifacts(), "artifact"), DatabaseSettings.redacted(to), name);
            if (r.running() > 0) {
                out.printf("%s copied as FAIL ('%s').%n", count(r.running(), "RUNNING trial"),
                        StudyCopy.COPIED_WHILE_RUNNING);
            }
            out.println("Not copied: model registry entries and provenance.");
            out.flush();
            return 0;
        }
    }

    private StudyCopy.Report copy(TrialStorage source, Tracker target, String name) {
        StudyRecord s = source.findStudy(study).orElseThrow(() -> new CliException("--from: no study named '" + study
                + "' in '" + DatabaseSettings.redacted(from) + "'; `tunelab studies --storage " + from + "` lists them"));
        if (target.storage().findStudy(name).isPresent()) {
            throw new CliException("--to: '" + DatabaseSettings.redacted(to) + "' already has a study named '" + name
                    + "'; pass --as NEW_NAME to copy it under another name");
        }
        int running = source.countTrials(s.id(), EnumSet.of(TrialState.RUNNING));
        if (running > 0 && !includeRunning) {
            throw new CliException("study '" + study + "' has " + count(running, "RUNNING trial") + "; wait until they"
                    + " finish, or pass --include-running to copy them as FAIL ('" + StudyCopy.COPIED_WHILE_RUNNING + "')");
        }
        try {
            return new StudyCopy(source, target.storage(), includeRunning, Clock.systemUTC()).copy(study, name);
        } catch (RuntimeException e) {
            throw new CliException("copying study '" + study + "' failed: " + e.getMessage() + "; " + discard(target, name),
                    e);
        }
    }

    /** Deletes the partial copy, saying what became of it. */
    private String discard(Tracker target, String name) {
        try {
            if (target.storage().findStudy(name).isEmpty()) {
                return "nothing was written to the target";
            }
            target.deleteStudy(name);
            return "the partial study '" + name + "' was deleted from the target";
        } catch (RuntimeException e) {
            return "the partial study '" + name + "' could not be deleted (" + e.getMessage() + "); delete it with"
                    + " `tunelab delete " + name + " --storage " + DatabaseSettings.redacted(to) + "`";
        }
    }

    /** Opens a storage, naming {@code flag} rather than --storage in what opening it says is wrong. */
    private static <T> T flag(String flag, Supplier<T> open) {
        try {
            return open.get();
        } catch (CliException e) {
            String m = e.getMessage();
            throw m.startsWith("--storage") ? new CliException(flag + m.substring("--storage".length()), e) : e;
        }
    }

    private static String count(long n, String noun) {
        String plural = noun.endsWith("y") ? noun.substring(0, noun.length() - 1) + "ies" : noun + "s";
        return String.format(Locale.ROOT, "%,d %s", n, n == 1 ? noun : plural);
    }
}
