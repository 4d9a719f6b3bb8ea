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
 * as MLflow's {@code MLmodel}), which the trainers log with the model: the trainer it names (else the one of its flavor),
 * and the artifact it names. A trial that logged none (registered before the trainers logged one) is read by the trainer
 * whose model file it holds, as its study file would have named it.
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
        return of(tracker, study, trialId, what, trainers, null);
    }

    /**
     * As {@link #of(Tracker, StudyRecord, long, String, List)} for a model version registered as the trial's artifact
     * {@code registered} (named in the call a message gives to log the missing {@value ModelFormat#ARTIFACT}).
     */
    static TrialModel of(Tracker tracker, StudyRecord study, long trialId, String what, List<TrainerFactory> trainers,
                         String registered) {
        if (study.systemAttrs().get(StudyRunner.STUDY_FILE) instanceof String) {
            StudyFiles files = StudyFiles.of(study, trainers);
            return new TrialModel(files.trainer(), files.trainer().modelArtifact(), Optional.of(files));
        }
        List<ArtifactRef> artifacts = tracker.storage().artifacts(trialId);
        Optional<ArtifactRef> ref = artifacts.stream().filter(a -> a.name().equals(ModelFormat.ARTIFACT)).findFirst();
        if (ref.isEmpty()) {
            return inferred(artifacts, study, trialId, what, trainers, registered);
        }
        ModelFormat format;
        try {
            format = ModelFormat.read(ModelVersionFiles.of(tracker, ref.get(), what));
        } catch (TrainersException e) {
            throw new CliException("cannot read the " + ModelFormat.ARTIFACT + " file of " + what + ": " + e.getMessage());
        }
        // the trainer it names, as a study file names it; else (an earlier MLmodel, or a trainer this build lacks) its flavor's
        TrainerFactory trainer = trainers.stream().filter(t -> format.trainer() != null && t.handles(format.trainer())
                        && t.flavor().equals(format.flavor())).findFirst()
                .or(() -> trainers.stream().filter(t -> t.flavor().equals(format.flavor())).findFirst())
                .orElseThrow(() -> new CliException("the " + ModelFormat.ARTIFACT + " file of " + what + " names the flavor '"
                        + format.flavor() + "', which no trainer here loads; expected one of "
                        + trainers.stream().map(TrainerFactory::flavor).toList()));
        return new TrialModel(trainer, format.modelFile(), Optional.empty());
    }

    /**
     * The model of a trial that logged no {@value ModelFormat#ARTIFACT} (one registered from Java before the trainers
     * logged it): the file a trainer saves as its model ({@link TrainerFactory#modelArtifact()}), when the trial logged
     * exactly one trainer's.
     *
     * @throws CliException naming the trial, the missing file and the call that logs one, when no trainer's model file
     *                      (or several trainers') is among the trial's artifacts
     */
    private static TrialModel inferred(List<ArtifactRef> artifacts, StudyRecord study, long trialId, String what,
                                       List<TrainerFactory> trainers, String registered) {
        List<String> names = artifacts.stream().map(ArtifactRef::name).toList();
        List<TrainerFactory> saved = trainers.stream().filter(t -> names.contains(t.modelArtifact())).toList();
        if (saved.size() == 1) {
            return new TrialModel(saved.get(0), saved.get(0).modelArtifact(), Optional.empty());
        }
        String flavors = String.join(", ", trainers.stream().map(t -> "\"" + t.flavor() + "\"").toList());
        throw new CliException(what + " has no model to load: it logged no '" + ModelFormat.ARTIFACT + "' file (which names"
                + " the model's flavor and file), study '" + study.name() + "', made through the Java API, has no study file"
                + " to name its trainer, and " + (saved.isEmpty() ? "none of its artifacts " + names + " is one"
                : "its artifacts " + names + " hold more than one") + " of the model files the trainers here save ("
                + String.join(", ", trainers.stream().map(TrainerFactory::modelArtifact).toList()) + "). Log one for it:"
                + " new ModelFormat(FLAVOR, \"" + (registered == null ? "MODEL_FILE" : registered) + "\", Map.of())"
                + ".log(tracker.storage(), " + trialId + "), FLAVOR one of " + flavors + " (DjlObjective, TribuoObjective"
                + " log one with their model)");
    }
}
