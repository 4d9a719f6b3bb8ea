package io.tunelab.cli.run;

import io.tunelab.cli.error.CliException;
import io.tunelab.cli.error.ProblemList;
import io.tunelab.cli.wiring.EffectiveConfiguration;
import io.tunelab.cli.wiring.TribuoTrainers;
import io.tunelab.spec.SpecProblem;
import io.tunelab.spec.SpecValidationException;
import io.tunelab.spec.StudySpec;
import io.tunelab.spec.StudySpecParser;
import io.tunelab.cli.wiring.TrainerFactory;
import io.tunelab.cli.query.Studies;
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
        return of(Studies.named(storage, study), trainers);
    }

    /** The study file stored with {@code record}; a {@link CliException} if it has none or it is invalid. */
    public static StudyFiles of(StudyRecord record, List<TrainerFactory> trainers) {
        StudySpec spec;
        try {
            spec = new StudySpecParser(TribuoTrainers.specCatalog()).parseStored(text(record), fileName(record));
        } catch (SpecValidationException e) {
            throw new CliException("the study file stored with '" + record.name() + "' is no longer valid: "
                    + e.problems().get(0).format());
        }
        return new StudyFiles(text(record), spec, StudyRunner.trainer(spec, trainers));
    }

    /**
     * The study file stored with {@code record}, checked against its trainer as {@code tunelab run} checks a file
     * ({@link #check}), as a worker joining the study needs it.
     *
     * @throws SpecValidationException every problem of the file, each located in it ({@code study file of 'NAME':12:5: ...})
     * @throws CliException            when the study has no study file, or its trainer's problems have no position
     */
    public static StudyFiles checked(StudyRecord record, List<TrainerFactory> trainers) {
        StudySpec spec = new StudySpecParser(TribuoTrainers.specCatalog()).parseStored(text(record), fileName(record));
        check(spec, text(record), fileName(record), trainers);
        return new StudyFiles(text(record), spec, StudyRunner.trainer(spec, trainers));
    }

    /**
     * What the trials of {@code spec}, a valid study file, search and fix ({@link StudyRunner#configuration}), with every
     * problem its trainer's checks find located in the file's {@code text} as the parser locates its own
     * ({@link StudySpecParser#locate}).
     *
     * @param fileName as problem locations show it
     * @throws SpecValidationException every problem, when at least one is about a field of the file (any others, about the
     *                                 file as a whole, come last without a position)
     * @throws CliException            as the checks threw it, when none is about a field
     */
    public static EffectiveConfiguration check(StudySpec spec, String text, String fileName, List<TrainerFactory> trainers) {
        try {
            return StudyRunner.configuration(spec, trainers);
        } catch (CliException e) {
            List<SpecProblem> problems = ProblemList.messages(e).stream()
                    .map(message -> StudySpecParser.locate(text, fileName, message)).toList();
            if (problems.stream().allMatch(p -> p.line() == 0)) {
                throw e;
            }
            throw new SpecValidationException(problems);
        }
    }

    private static String text(StudyRecord record) {
        if (!(record.systemAttrs().get(StudyRunner.STUDY_FILE) instanceof String file)) {
            throw new CliException("study '" + record.name() + "' has no study file to work from; it was not created by"
                    + " `tunelab create` or `tunelab run`. A study run from Java registers its models from Java:"
                    + " Tracker.registry().createVersion(model, trialId, artifactName, ...), as the README's \"Registering a"
                    + " model from Java\" shows; `tunelab download MODEL@ALIAS` then gives their files");
        }
        return file;
    }

    private static String fileName(StudyRecord record) {
        return "study file of '" + record.name() + "'";
    }
}
