package io.tunelab.cli;

import io.tunelab.cli.query.StorageUrlOption;
import io.tunelab.cli.run.StorageUrls;
import io.tunelab.cli.run.StudyFileChanges;
import io.tunelab.cli.run.StudyFiles;
import io.tunelab.cli.run.StudyRunner;
import io.tunelab.cli.wiring.Wiring;
import io.tunelab.cli.wiring.TribuoTrainers;
import io.tunelab.spec.SpecValidationException;
import io.tunelab.spec.StudySpec;
import io.tunelab.spec.StudySpecParser;
import io.tunelab.search.storage.TrialStorage;
import io.tunelab.search.study.Study;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code tunelab create STUDY_FILE --storage URL}: creates the study (or updates the budget and
 * study file of an existing one) without running it, so that workers on any machine can join it. Workers
 * already running read the new budget before they claim their next trial: a raised one they run to its end,
 * a lowered one stops them after their current trials. A file of an existing study that changes more than its
 * run settings ({@link StudyFileChanges#SAFE}) is refused with the changed fields, unless {@code --replace-file}.
 */
@Command(name = "create", mixinStandardHelpOptions = true,
        description = {"Create a study from a study file (or update its budget) without running it.",
                "An existing study's file may change only budget, parallel, heartbeat and fail_fast (else: --replace-file).",
                "Workers then join it: tunelab worker --storage URL --study NAME"})
final class CreateCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "STUDY_FILE", description = "the study file (YAML)")
    Path file;

    @Mixin
    StorageUrlOption storage;

    @Option(names = "--replace-file", description = "store this file in place of an existing study's, even when it changes"
            + " more than budget, parallel, heartbeat and fail_fast (data, space, sampler, ...); running workers keep the old"
            + " one until restarted")
    boolean replaceFile;

    @Spec
    CommandSpec spec;

    private final Wiring wiring;

    CreateCommand(Wiring wiring) {
        this.wiring = wiring;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        StudySpec study;
        try {
            study = new StudySpecParser(TribuoTrainers.specCatalog()).parse(file);
        } catch (SpecValidationException e) {
            return RunCommand.invalid(spec.commandLine().getErr(), e, "in " + file, "nothing was created");
        }
        try {
            StudyFiles.check(study, RunCommand.readText(file), file.toString(), wiring.trainers());
        } catch (SpecValidationException e) {
            return RunCommand.invalid(spec.commandLine().getErr(), e, "in " + file + " for its trainer", "nothing was created");
        }
        try (TrialStorage store = wiring.openStorage(storage.access())) {
            StudyRunner runner = new StudyRunner(study, RunCommand.readText(file), store, wiring.trainers(),
                    wiring.devices());
            runner.checkResumable();
            if (!replaceFile) {
                StudyFileChanges.refuseUnsafe(store, study.study(), RunCommand.readText(file), Set.of(), "--replace-file");
            }
            runner.objective();
            boolean existed = store.findStudy(study.study()).isPresent();
            Study created = runner.create(true);
            out.println((existed ? "Updated study '" : "Created study '") + created.name() + "' in " + StorageUrls.redacted(storage.url())
                    + " (" + created.trials().size() + " trials so far, budget "
                    + (study.budget().trials() > 0 ? study.budget().trials() + " trials" : study.budget().timeout())
                    + ").");
            out.println("Join it from any machine that reaches the database:");
            out.println("  " + StorageUrls.workerCommand(storage.access(), created.name()));
            if (!StorageUrls.redacted(storage.url()).equals(storage.url())) {
                out.println("(the URL's password shows as ***: put it back, or give it in $TUNELAB_DB_PASSWORD)");
            }
            out.flush();
        }
        return ExitCodes.OK;
    }
}
