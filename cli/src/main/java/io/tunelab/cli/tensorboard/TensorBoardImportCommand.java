package io.tunelab.cli.tensorboard;

import io.tunelab.cli.error.CliException;
import io.tunelab.cli.query.StorageUrlOption;
import io.tunelab.cli.wiring.Wiring;
import io.tunelab.search.storage.TrialStorage;
import io.tunelab.spec.Texts;
import io.tunelab.tensorboard.imports.ImportReport;
import io.tunelab.tensorboard.imports.LogdirImporter;
import io.tunelab.tensorboard.imports.RunValue;
import io.tunelab.tensorboard.imports.UnknownMetricException;
import io.tunelab.tensorboard.record.RecordProblem;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tunelab import tensorboard DIR --study NAME}: each run of a TensorBoard logdir becomes a trial (a Keras run's
 * {@code train/} and {@code validation/} directories one trial together).
 * Corrupt or truncated records are listed (file and byte offset) and the rest is imported with exit code 0; a logdir
 * nothing can be read from, a {@code --metric} no run has and a study of the other direction are refused with exit
 * code 2 and nothing stored. The direction is resolved by {@link ImportDirection}.
 */
@Command(name = "tensorboard", mixinStandardHelpOptions = true,
        description = {"Load a TensorBoard logdir into study NAME (created if needed): one trial per run directory,"
                + " scalars as metric series, images as artifacts. Importing the same logdir again adds nothing.",
                "A Keras run (RUN/train and RUN/validation, as Keras's TensorBoard callback writes a fit) is one trial"
                        + " RUN: its validation scalars keep their tags (epoch_accuracy), so --metric takes the"
                        + " validation curve; its train scalars are stored as train/TAG (train/epoch_accuracy). A run"
                        + " with train/ only takes --metric from train/TAG.",
                "Tunelab's export and fit.tensorboard_dir write each trial so too (train/epoch_loss,"
                        + " validation/epoch_loss, from step 0); their metrics import back as they were (loss, val_loss,"
                        + " from epoch 1).",
                "A run's HParams session (Keras's hp.KerasCallback, Tunelab's export and fit.tensorboard_dir) gives"
                        + " its parameters, its state (success COMPLETE, failure FAIL, unknown PRUNED) and its start and"
                        + " end; a run whose session has not ended is left for a later import. Tunelab's objective and"
                        + " intermediate_value tags become the trial's value and intermediate values."})
public final class TensorBoardImportCommand implements Callable<Integer> {
    private final Wiring wiring;

    @Parameters(index = "0", paramLabel = "DIR", description = "The logdir.")
    Path logdir;

    @Option(names = "--study", required = true, paramLabel = "NAME", description = "The study to load the runs into.")
    String study;

    @Option(names = "--metric", paramLabel = "TAG",
            description = "Scalar tag whose last (or --value best) value is a run's objective value. Default: Tunelab's"
                    + " objective tag when the logdir has it (an export or a study's fit.tensorboard_dir), or a"
                    + " multi-objective study's objective_0, objective_1... (one objective each, with the direction"
                    + " each says), else epoch_loss (Keras's). A run without it is recorded as PRUNED; no run with it is an error.")
    String metric;

    @Option(names = "--value", paramLabel = "last|best", defaultValue = "last",
            converter = RunValueConverter.class,
            description = "Which value of --metric a run's objective value is: its last (default: the model the run"
                    + " ended with) or its best in --direction (the model Keras's EarlyStopping(restore_best_weights="
                    + "True) keeps).")
    RunValue value;

    @Option(names = "--direction", paramLabel = "minimize|maximize",
            description = "Whether smaller or larger --metric values are better. Default: what the logdir says"
                    + " (Tunelab's objective tag, from an export or fit.tensorboard_dir, says its study's), else what"
                    + " the metric's name says (accuracy, acc, auc, f1, precision, recall, r2, score: maximize; loss,"
                    + " error, rmse, mae, mse: minimize), else the existing study's direction.")
    String direction;

    @Mixin
    StorageUrlOption storage;

    @Spec
    CommandSpec spec;

    TensorBoardImportCommand(Wiring wiring) {
        this.wiring = wiring;
    }

    @Override
    public Integer call() {
        try (TrialStorage s = wiring.openStorage(storage.url())) {
            PrintWriter w = spec.commandLine().getOut();
            ImportReport r;
            try {
                r = new LogdirImporter(s, metric, value, (tag, existing, said) -> {
                    ImportDirection d = ImportDirection.resolve(direction, tag, existing, said);
                    d.note().ifPresent(note -> {
                        w.println(note);
                        w.flush();
                    });
                    return d.direction();
                }).importLogdir(logdir, study);
            } catch (UnknownMetricException e) {
                throw new CliException(e.getMessage() + Texts.didYouMean(e.metric(), e.scalarTags()), e);
            }
            w.printf("imported %d runs into study '%s': %d scalar points, %d histograms, images, texts and PR curves%n",
                    r.imported().size(), study, r.scalars(), r.summaries());
            if (!r.running().isEmpty()) {
                w.printf("left %d runs still running for a later import (their HParams session has not ended): %s%n",
                        r.running().size(), String.join(", ", r.running()));
            }
            if (!r.skipped().isEmpty()) {
                w.printf("skipped %d runs imported before: %s%n", r.skipped().size(), String.join(", ", r.skipped()));
            }
            for (RecordProblem p : r.problems()) {
                w.println("skipped bad record: " + p);
            }
            w.flush();
            return 0;
        }
    }
}
