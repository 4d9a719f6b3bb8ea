package io.tunelab.cli.run;

import io.tunelab.cli.error.CliException;
import io.tunelab.spec.SpecValidationException;
import io.tunelab.spec.StudySpec;
import io.tunelab.spec.StudySpecParser;
import io.tunelab.cli.wiring.TrainerFactory;
import io.tunelab.search.storage.StorageException;
import io.tunelab.search.storage.StudyRecord;
import io.tunelab.search.storage.TrialStorage;
import java.util.List;

/**
 * The study file stored with a study, parsed, and the trainer it names: what workers, promotion and
 * serving rebuild a study's objective and models from.
 *
 * @param text    the file's text, as stored
 * @param spec    the parsed file
 * @param trainer the trainer it names
 */
public record StudyFiles(String text, StudySpec spec, TrainerFactory trainer) {

    /** The study file of the study called {@code study}; NOT_FOUND if there is none. */
    public static StudyFiles of(TrialStorage storage, String study, List<TrainerFactory> trainers) {
        StudyRecord record = storage.findStudy(study).orElseThrow(() -> StorageException.notFound(
                "no study named '" + study + "'; `tunelab studies` lists the studies"));
        return of(record, trainers);
    }

    /** The study file stored with {@code record}; a {@link CliException} if it has none or it is invalid. */
    public static StudyFiles of(StudyRecord record, List<TrainerFactory> trainers) {
        Object text = record.systemAttrs().get(StudyRunner.STUDY_FILE);
        if (!(text instanceof String file)) {
            throw new CliException("study '" + record.name() + "' has no study file to work from; it was not created by"
                    + " `tunelab create` or `tunelab run`");
        }
        StudySpec spec;
        try {
            spec = new StudySpecParser().parse(file, "study file of '" + record.name() + "'");
        } catch (SpecValidationException e) {
            throw new CliException("the study file stored with '" + record.name() + "' is no longer valid: "
                    + e.problems().get(0).format());
        }
        return new StudyFiles(file, spec, StudyRunner.trainer(spec, trainers));
    }
}
