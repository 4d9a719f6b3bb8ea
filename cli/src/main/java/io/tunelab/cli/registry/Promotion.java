package io.tunelab.cli.registry;

import io.tunelab.cli.error.CliException;
import io.tunelab.cli.query.Studies;
import io.tunelab.cli.wiring.TrainerFactory;
import io.tunelab.search.storage.StudyRecord;
import io.tunelab.search.storage.TrialStorage;
import io.tunelab.search.trial.ArtifactRef;
import io.tunelab.search.trial.Constraints;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.TrialState;
import io.tunelab.tracker.provenance.RuntimeInfo;
import io.tunelab.tracker.registry.AliasMove;
import io.tunelab.tracker.registry.Change;
import io.tunelab.tracker.registry.ModelRegistry;
import io.tunelab.tracker.registry.ModelVersion;
import io.tunelab.tracker.registry.RegistryNames;
import io.tunelab.tracker.setup.Tracker;
import io.tunelab.trainers.TrainersException;
import io.tunelab.trainers.gate.GateException;
import io.tunelab.trainers.gate.GateVerdict;
import io.tunelab.trainers.gate.PromotionGate;
import io.tunelab.trainers.predict.ModelFormat;
import io.tunelab.trainers.predict.Predictor;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Registers a trial's model as a new version and moves an alias to it. With a gate, the challenger
 * and the alias's current holder are scored on the same held-out test rows, which neither trained on
 * ({@link SharedTestRows}), and the alias moves only if the challenger is significantly better, unless
 * forced; the verdict, its p-value, both scores and whether it was forced go into the audit trail. The trial's model
 * is the artifact its study file's trainer names or, for a study made through the Java API (no study file, so no gate),
 * the one its {@code MLmodel} file names ({@link TrialModel}).
 */
public final class Promotion {
    private final Tracker tracker;
    private final List<TrainerFactory> trainers;

    /**
     * What happened: the new version and the alias move (both null when the gate kept the holder: nothing was
     * registered), the verdict (null without gate), the version the alias pointed at before (null for none), the
     * test rows the gate compared the models on (null without gate) and, when the gate kept the holder, the refusal
     * recorded in the audit trail ({@link AliasMove#refused()}; null otherwise).
     */
    public record Outcome(ModelVersion version, AliasMove move, GateVerdict verdict, Integer previous,
                          SharedTestRows.Paired rows, AliasMove refusal) {
        public boolean moved() {
            return move != null;
        }
    }

    /**
     * @param gate       {@code mcnemar}, {@code paired-t} or null for none
     * @param confidence the gate's confidence, e.g. 0.95
     */
    public record Request(String study, Integer trial, String model, String alias, String gate, double confidence,
                          boolean force, String reason, String actor) {
    }

    public Promotion(Tracker tracker, List<TrainerFactory> trainers) {
        this.tracker = tracker;
        this.trainers = trainers;
    }

    /**
     * Promotes as the request says. Everything is checked, and the gate judged, before anything is written: a
     * request that fails, or that the gate refuses without {@code force}, registers no version; a refusal is recorded
     * in the model's audit trail, with the candidate and the verdict as evidence.
     */
    public Outcome promote(Request r) {
        TrialStorage storage = tracker.storage();
        ModelRegistry registry = tracker.registry();
        RegistryNames.model(r.model());
        RegistryNames.alias(r.alias());
        StudyRecord study = Studies.named(storage, r.study());
        FrozenTrial trial = r.trial() != null ? storage.trialByNumber(study.id(), r.trial()) : best(storage, study);
        if (trial.state() != TrialState.COMPLETE) {
            throw new CliException("trial " + trial.number() + " of study '" + r.study() + "' is " + trial.state()
                    + (trial.message() == null || trial.message().isBlank() ? "" : " (its message: "
                    + trial.message().lines().findFirst().orElse("") + ")")
                    + "; only COMPLETE trials can be promoted");
        }
        String what = "trial " + trial.number() + " of study '" + r.study() + "'";
        TrialModel source = TrialModel.of(tracker, study, trial.id(), what, trainers);
        if (r.gate() != null && source.files().isEmpty()) {
            throw new CliException("--gate " + r.gate() + " compares the models on the test set of the study file, and"
                    + " study '" + r.study() + "', made through the Java API, has none: promote without --gate");
        }
        String artifact = source.artifact();
        ArtifactRef model = storage.artifacts(trial.id()).stream().filter(a -> a.name().equals(artifact)).findFirst()
                .orElseThrow(() -> new CliException(what + " saved no model ('" + artifact + "')"
                        + (source.files().isPresent() ? "; only trials that trained to the end have one"
                        : "; its " + ModelFormat.ARTIFACT + " file names it, but the trial logged no file by that name")));
        NewAlias.check(registry, r.model(), r.alias());
        Optional<ModelVersion> holder = registry.findModel(r.model()).isEmpty() ? Optional.empty()
                : registry.resolve(r.model(), r.alias());
        if (holder.isEmpty()) {
            RegistryNames.newAlias(r.alias());
        }
        Path modelFile = ModelVersionFiles.of(tracker, model, "trial " + trial.number() + "'s model");
        Optional<ModelVersion> reference = holder.isPresent() || registry.findModel(r.model()).isEmpty() ? holder
                : registry.versions(r.model()).stream().filter(v -> v.source().artifact() != null)
                .reduce((a, b) -> b);
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("study", r.study());
        evidence.put("trial", trial.number());
        GateVerdict verdict = null;
        // each model is loaded once, for the input check and the gate alike
        Optional<TrialModel> referenceSource = reference.map(v -> TrialModel.of(tracker, Studies.named(storage,
                v.source().study()), v.source().trialId(), r.model() + " v" + v.version() + "'s trial", trainers));
        Optional<TrainerFactory> referenceTrainer = referenceSource.map(TrialModel::trainer);
        SharedTestRows.Paired rows = null;
        try (Predictor challenger = ModelInputs.load(source.trainer(), modelFile, "the model file of the trial to promote ("
                + modelFile.getFileName() + ")");
             Predictor referenceModel = reference.isEmpty() ? null : ModelInputs.load(referenceTrainer.get(),
                     ModelVersionFiles.of(tracker, reference.get()), r.model() + " v" + reference.get().version()
                             + "'s model file")) {
            Optional<ModelInputs.Holder> held = reference.map(v -> new ModelInputs.Holder(v, referenceTrainer.get(),
                    referenceModel));
            ModelInputs.check(challenger, held, r);
            if (r.gate() != null && holder.isPresent()) {
                // the reference is the holder
                SharedTestRows.Side champion = new SharedTestRows.Side(r.model() + " v" + holder.get().version()
                        + " (alias '" + r.alias() + "', study '" + holder.get().source().study() + "')",
                        referenceSource.get().files().orElseThrow(() -> new CliException("--gate " + r.gate() + ": "
                                + r.model() + " v" + holder.get().version() + " came from study '"
                                + holder.get().source().study() + "', made through the Java API, which has no study file"
                                + " and so no test set to compare on: promote without --gate")), referenceModel);
                rows = pair(r, new SharedTestRows.Side(what, source.files().get(), challenger), champion);
                verdict = judge(r, rows, champion);
                evidence.put("gate", verdict.toMap());
                evidence.put("test_rows", rows.describe());
                if (!verdict.promote() && !r.force()) {
                    evidence.put("outcome", "refused");
                    AliasMove refusal = registry.recordRefusal(r.model(), r.alias(), new Change(r.actor(),
                            RuntimeInfo.hostName(), "refused by the " + verdict.test() + " gate: " + what
                            + " is not significantly better than v" + holder.get().version()
                            + (r.reason() != null ? " (" + r.reason() + ")" : ""), evidence));
                    return new Outcome(null, null, verdict, holder.get().version(), rows, refusal);
                }
            } else if (r.gate() != null) {
                evidence.put("gate", "not applied: alias '" + r.alias() + "' had no version yet");
            }
        }
        if (registry.findModel(r.model()).isEmpty()) {
            registry.createModel(r.model(), "models from study '" + r.study() + "'");
        }
        ModelVersion version = registry.createVersion(r.model(), trial.id(), artifact,
                "trial " + trial.number() + " of study '" + r.study() + "'", r.actor());
        boolean forced = verdict != null && !verdict.promote();
        evidence.put("forced", forced);
        String reason = r.reason() != null ? r.reason() : verdict == null
                ? (r.gate() == null ? "promoted without a gate" : "the alias's first version: no gate applies")
                : (forced ? "forced past the " : "passed the ") + verdict.test() + " gate";
        AliasMove move = registry.setAlias(r.model(), r.alias(), version.version(),
                new Change(r.actor(), RuntimeInfo.hostName(), reason, evidence));
        return new Outcome(version, move, verdict, holder.map(ModelVersion::version).orElse(null), rows, null);
    }

    /**
     * The gate's verdict on the challenger's scores against the holder's on the rows neither trained on
     * ({@link SharedTestRows}); a gate that does not fit the models (McNemar on a regressor) is the user's choice to
     * fix, so it is a CliException naming both.
     */
    private static GateVerdict judge(Request r, SharedTestRows.Paired rows, SharedTestRows.Side champion) {
        try {
            return PromotionGate.named(r.gate()).judge(rows.challenger(), rows.champion(), r.confidence());
        } catch (GateException e) {
            throw cannotCompare(r, champion, e);
        }
    }

    /** The rows to judge on; a holder that cannot score them (trained on other columns) is a CliException naming it. */
    private static SharedTestRows.Paired pair(Request r, SharedTestRows.Side challenger, SharedTestRows.Side champion) {
        try {
            return SharedTestRows.pair(r.gate(), challenger, champion);
        } catch (TrainersException e) {
            throw cannotCompare(r, champion, e);
        }
    }

    private static CliException cannotCompare(Request r, SharedTestRows.Side champion, RuntimeException e) {
        return new CliException("--gate " + r.gate() + ": cannot compare the challenger with " + champion.name()
                + " on study '" + r.study() + "''s test set: " + e.getMessage() + "; nothing was registered");
    }

    private static FrozenTrial best(TrialStorage storage, StudyRecord study) {
        if (study.directions().size() != 1) {
            throw new CliException("study '" + study.name() + "' has several objectives: name the trial with --trial");
        }
        List<FrozenTrial> complete = storage.trials(study.id(), EnumSet.of(TrialState.COMPLETE));
        if (complete.isEmpty()) {
            throw new CliException("study '" + study.name() + "' has no COMPLETE trial to promote");
        }
        return Constraints.bestFeasible(complete, study.directions().get(0)).orElseThrow(() -> new CliException(
                "study '" + study.name() + "' has no feasible trial to promote: all " + complete.size()
                        + " COMPLETE trials violate a constraint; name one with --trial to promote it anyway"));
    }
}
