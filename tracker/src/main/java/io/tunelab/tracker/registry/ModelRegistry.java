package io.tunelab.tracker.registry;

import java.util.List;
import java.util.Optional;

/**
 * The model registry store (MLflow's registry aggregate, kept apart from the tracking store and the
 * artifact repository): registered models, numbered versions created from COMPLETE trials, tags,
 * descriptions, archived versions, aliases such as {@code production} that point at one version each,
 * and the audit trail of every alias move and deletion, which outlives a deleted model under its name.
 *
 * <p>Every change is one durable transaction that locks the model, so version numbers are given in order per
 * model, never twice (a deleted version's number is not reused), and alias moves are serialised and all
 * recorded. Thread-safe; returned records are immutable. Errors are
 * {@code TrackerException}s: NOT_FOUND for unknown models, versions, trials, artifacts or aliases,
 * CONFLICT for a taken name, a trial that is not COMPLETE, pointing an alias at an archived version or
 * archiving a version an alias points at, INVALID for bad model, alias or tag names (a model name is 1
 * to 200 characters without control characters; an alias starts with a letter and holds up to 100
 * letters, digits, '.', '_' or '-'; a tag name is 1 to 200 characters).
 */
public interface ModelRegistry {

    /** Creates a model with no versions; CONFLICT if the name is taken. */
    RegisteredModel createModel(String name, String description);

    /** The model; NOT_FOUND if there is none. */
    RegisteredModel model(String name);

    Optional<RegisteredModel> findModel(String name);

    /** All registered models, by name. */
    List<RegisteredModel> models();

    void describeModel(String name, String description);

    /** Sets a model tag; a null value removes it. */
    void setModelTag(String name, String tag, String value);

    /**
     * Registers the next version of {@code model} from a COMPLETE trial: the trial's artifact
     * {@code artifactName} (or none when null), its parameters, values and metric summaries are copied.
     */
    ModelVersion createVersion(String model, long trialId, String artifactName, String description, String createdBy);

    /** One version of a model; NOT_FOUND if there is none. */
    ModelVersion version(String model, int version);

    /** Every version of a model, by number, archived ones included. */
    List<ModelVersion> versions(String model);

    void describeVersion(String model, int version, String description);

    /** Sets a version tag; a null value removes it. */
    void setVersionTag(String model, int version, String tag, String value);

    /** Archives a version; CONFLICT while an alias points at it. */
    void archive(String model, int version);

    void unarchive(String model, int version);

    /**
     * Points {@code alias} at {@code version} and records the move (from the version it pointed at
     * before, if any). Pointing it where it already points records nothing and returns the last move.
     * CONFLICT for an archived version; INVALID for a new alias that reads as a version
     * ({@link RegistryNames#newAlias}), while an alias of that shape stored before may still be moved.
     */
    AliasMove setAlias(String model, String alias, int version, Change change);

    /**
     * Records in the audit trail that moving {@code alias} was refused (a promotion gate found the candidate not
     * significantly better), without registering a version or moving the alias: an entry whose from and to versions
     * are both the alias's current one ({@link AliasMove#refused()}); {@code change} says why, and its evidence names
     * the candidate and the gate's statistic and p-value. NOT_FOUND for an unknown model or alias.
     */
    AliasMove recordRefusal(String model, String alias, Change change);

    /** Removes an alias and records the move; NOT_FOUND if the model has no such alias. */
    AliasMove removeAlias(String model, String alias, Change change);

    /**
     * Deletes a version and its tags (MLflow's {@code delete_model_version}); the aliases pointing at it are removed,
     * each move recorded with {@code change}, then the deletion itself ({@link AliasMove#versionDeleted()}); all are
     * returned. The source trial and its artifact stay. NOT_FOUND for an unknown model or version.
     */
    List<AliasMove> deleteVersion(String model, int version, Change change);

    /**
     * Deletes a model with its versions, tags and aliases (MLflow's {@code delete_registered_model}), recording with
     * {@code change} each alias removed, each version deleted and last the model ({@link AliasMove#modelDeleted()}); all
     * are returned. The audit trail stays, read by the model's name ({@link #aliasHistory(String)}), also once a model
     * of that name is created again. The source trials and their artifacts stay. NOT_FOUND for an unknown model.
     */
    List<AliasMove> deleteModel(String name, Change change);

    /** The version an alias points at, if the alias exists. */
    Optional<ModelVersion> resolve(String model, String alias);

    /**
     * The audit trail recorded under a model's name, oldest first: its alias moves and deletions, those of a model
     * deleted under that name included. NOT_FOUND when there is neither such a model nor a trail of one.
     */
    List<AliasMove> aliasHistory(String model);

    /** The audit trail of one alias, oldest first. */
    List<AliasMove> aliasHistory(String model, String alias);

    /** Entries of a model's audit trail recorded after move id {@code after} (a live view's cursor), oldest first. */
    List<AliasMove> aliasMovesAfter(String model, long after);
}
