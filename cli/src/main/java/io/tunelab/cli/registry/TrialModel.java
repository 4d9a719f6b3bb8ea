package io.tunelab.cli.registry;

import io.tunelab.cli.error.CliException;
import io.tunelab.cli.run.StudyFiles;
import io.tunelab.cli.run.StudyRunner;
import io.tunelab.cli.wiring.TrainerFactory;
import io.tunelab.search.storage.StudyRecord;
import io.tunelab.search.trial.ArtifactRef;
import io.tunelab.tracker.setup.Tracker;
import io.tunelab.trainers.TrainersException;
import io.tunelab.trainers.predict.ModelFormat;
import java.util.List;
import java.util.Optional;

/**
 * Which trainer loads a trial's model and which of the trial's artifacts the model is. A study made by {@code tunelab
 * create} or {@code run} says it in its study file: the trainer it names, and that trainer's model artifact. A study
 * made through the Java API has none; its trial says it in its {@link ModelFormat} artifact ({@value ModelFormat#ARTIFACT},
 * as MLflow's {@code MLmodel}), which the trainers log with the model: the trainer of its flavor, and the artifact it
 * names.
 *
 * @param trainer  loads the model
 * @param artifact the name of the trial artifact holding the model
 * @param files    the study file, which also gives the test set a promotion gate compares on; empty without one
 */
record TrialModel(TrainerFactory trainer, String artifact, Optional<StudyFiles> files) {

    /**
     * @param what the trial, as messages name it ({@code trial 3 of study 'binh'})
     * @throws CliException naming the trial, the missing {@value ModelFormat#ARTIFACT} file and how to log one, when the
     *                      study has no study file and the trial logged no format; naming the flavor when no trainer
     *                      here loads it
     */
    static TrialModel of(Tracker tracker, StudyRecord study, long trialId, String what, List<TrainerFactory> trainers) {
        if (study.systemAttrs().get(StudyRunner.STUDY_FILE) instanceof String) {
            StudyFiles files = StudyFiles.of(study, trainers);
            return new TrialModel(files.trainer(), files.trainer().modelArtifact(), Optional.of(files));
        }
        ArtifactRef ref = tracker.storage().artifacts(trialId).stream().filter(a -> a.name().equals(ModelFormat.ARTIFACT))
                .findFirst().orElseThrow(() -> new CliException(what + " has no model to load: it logged no '"
                        + ModelFormat.ARTIFACT + "' file (which names the model's flavor and file), and study '"
                        + study.name() + "', made through the Java API, has no study file to name its trainer. The"
                        + " trainers' objectives (DjlObjective, TribuoObjective) log one with their model; for a model"
                        + " trained otherwise, log one with ModelFormat.of(flavor, modelFile, predictor).log(trial)"));
        ModelFormat format;
        try {
            format = ModelFormat.read(ModelVersionFiles.of(tracker, ref, what));
        } catch (TrainersException e) {
            throw new CliException("cannot read the " + ModelFormat.ARTIFACT + " file of " + what + ": " + e.getMessage());
        }
        TrainerFactory trainer = trainers.stream().filter(t -> t.flavor().equals(format.flavor())).findFirst()
                .orElseThrow(() -> new CliException("the " + ModelFormat.ARTIFACT + " file of " + what + " names the flavor '"
                        + format.flavor() + "', which no trainer here loads; expected one of "
                        + trainers.stream().map(TrainerFactory::flavor).toList()));
        return new TrialModel(trainer, format.modelFile(), Optional.empty());
    }
}
