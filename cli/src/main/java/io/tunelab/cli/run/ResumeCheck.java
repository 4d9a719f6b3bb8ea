package io.tunelab.cli.run;

import io.tunelab.cli.error.CliException;
import io.tunelab.cli.wiring.TrainerFactory;
import io.tunelab.search.space.Distribution;
import io.tunelab.search.storage.StudyRecord;
import io.tunelab.search.storage.TrialStorage;
import io.tunelab.search.study.ParameterKinds;
import io.tunelab.search.study.SpaceChange;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.TrialState;
import io.tunelab.spec.SpecValidationException;
import io.tunelab.spec.StudySpec;
import io.tunelab.spec.StudySpecParser;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a study file may resume the study of its name already in a storage, and what it tells a user who does: the
 * refusals of {@link StudyRunner#checkResumable} and the changed-space notice of {@link StudyRunner#spaceChange}. Reads
 * the storage only. Not thread-safe: one per run.
 */
final class ResumeCheck {
    private final StudySpec spec;
    private final TrialStorage storage;
    private final List<TrainerFactory> trainers;
    private Optional<String> spaceChange;

    ResumeCheck(StudySpec spec, TrialStorage storage, List<TrainerFactory> trainers) {
        this.spec = spec;
        this.storage = storage;
        this.trainers = trainers;
    }

    /**
     * Refuses the file when the study it names exists in the storage and {@link StudyRunner#create} would refuse to resume it: other
     * metrics, another trainer, other directions, or a parameter of another type of distribution. Only reads the storage,
     * so a dry run can ask it.
     *
     * @throws CliException saying what differs, as {@link StudyRunner#create} does
     */
    void check() {
        storage.findStudy(spec.study()).ifPresent(existing -> {
            checkSameObjective(existing);
            if (!existing.directions().equals(spec.directions())) {
                throw new CliException("study '" + spec.study() + "' was created with directions " + existing.directions()
                        + ", not " + spec.directions() + "; give the study a new name to run this file, or keep the"
                        + " stored direction to resume it");
            }
            checkSameKinds(existing);
        });
    }

    /**
     * The notice that the study resumes with another search space than its stored study file searched ({@link
     * SpaceChange}), or empty when it is new, has no trial that started yet, searches the same space, or its stored file
     * cannot be read. Read once, before {@link StudyRunner#create} stores this file, and kept: the run and the dry run say it.
     */
    Optional<String> spaceChange() {
        if (spaceChange == null) {
            spaceChange = storage.findStudy(spec.study()).flatMap(existing -> storedSpec(existing).flatMap(stored -> {
                Map<String, Distribution> before;
                try {
                    before = StudyRunner.configuration(stored, trainers).searchSpace();
                } catch (RuntimeException e) {
                    return Optional.empty();
                }
                List<FrozenTrial> started = storage.trials(existing.id(), EnumSet.complementOf(EnumSet.of(TrialState.WAITING)));
                return started.isEmpty() ? Optional.empty()
                        : SpaceChange.notice(spec.study(), before, StudyRunner.configuration(spec, trainers).searchSpace(), started);
            }));
        }
        return spaceChange;
    }

    /** The study file stored with {@code existing}, or empty when it has none that still parses. */
    private static Optional<StudySpec> storedSpec(StudyRecord existing) {
        if (!(existing.systemAttrs().get(StudyRunner.STUDY_FILE) instanceof String text)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new StudySpecParser().parseStored(text, "study file of '" + existing.name() + "'"));
        } catch (SpecValidationException e) {
            return Optional.empty();
        }
    }

    /** Refuses resuming {@code existing} with other metrics or another trainer than its stored study file names. */
    private void checkSameObjective(StudyRecord existing) {
        Optional<StudySpec> storedFile = storedSpec(existing);
        if (storedFile.isEmpty()) {
            return;
        }
        StudySpec stored = storedFile.get();
        String what = !stored.metrics().equals(spec.metrics()) ? (spec.metrics().size() == 1 ? "metric " : "metrics ")
                + String.join(", ", stored.metrics()) + ", not " + String.join(", ", spec.metrics())
                : !stored.trainer().name().equals(spec.trainer().name())
                ? "trainer " + stored.trainer().name() + ", not " + spec.trainer().name() : null;
        if (what != null) {
            throw new CliException("study '" + spec.study() + "' was created with " + what + "; its trials' values would"
                    + " not compare with the new ones. Give the study a new name to run this file, or keep the stored"
                    + " settings to resume it");
        }
    }

    /**
     * Refuses resuming {@code existing} with a parameter whose distribution is of another type than its trials
     * recorded (or a categorical with other choices): every new trial would fail on it ({@link ParameterKinds}).
     */
    private void checkSameKinds(StudyRecord existing) {
        ParameterKinds kinds = ParameterKinds.of(storage.trials(existing.id(), EnumSet.allOf(TrialState.class)));
        StudyRunner.configuration(spec, trainers).searchSpace().forEach((name, distribution) -> {
            String refusal = kinds.refusal(name, distribution, -1);
            if (refusal != null) {
                throw new CliException((spec.space().distributions().containsKey(name) ? "space." : "") + name + ": this file searches "
                        + distribution.describe() + ", but " + refusal + ", or run this file as a new study");
            }
        });
    }
}
