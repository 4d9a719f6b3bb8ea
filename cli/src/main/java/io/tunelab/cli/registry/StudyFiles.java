package io.tunelab.cli.registry;

import io.tunelab.cli.CliException;
import io.tunelab.cli.run.StudyRunner;
import io.tunelab.cli.spec.SpecValidationException;
import io.tunelab.cli.spec.StudySpec;
import io.tunelab.cli.spec.StudySpecParser;
import io.tunelab.cli.wiring.TrainerFactory;
import io.tunelab.search.storage.StorageException;
import io.tunelab.search.storage.StudyRecord;
import io.tunelab.search.storage.TrialStorage;
import java.util.List;

/** The study file stored with a study, and the trainer it names: what promotion and serving rebuild from. */
record StudyFiles(StudySpec spec, TrainerFactory trainer) {

    static StudyFiles of(TrialStorage storage, String study, List<TrainerFactory> trainers) {
        StudyRecord record = storage.findStudy(study).orElseThrow(() -> StorageException.notFound(
                "no study named '" + study + "'; `tunelab studies` lists the studies"));
        return of(record, trainers);
    }

    static StudyFiles of(StudyRecord record, List<TrainerFactory> trainers) {
        Object text = record.systemAttrs().get(StudyRunner.STUDY_FILE);
        if (!(text instanceof String file)) {
            throw new CliException("study '" + record.name() + "' has no study file, so its models cannot be"
                    + " loaded or evaluated; run it with `tunelab run FILE`");
        }
        StudySpec spec;
        try {
            spec = new StudySpecParser().parse(file, "study file of '" + record.name() + "'");
        } catch (SpecValidationException e) {
            throw new CliException("the study file stored with '" + record.name() + "' is no longer valid: "
                    + e.problems().get(0).format());
        }
        TrainerFactory trainer = trainers.stream().filter(t -> t.handles(spec.trainer().name())).findFirst()
                .orElseThrow(() -> new CliException("no trainer named '" + spec.trainer().name() + "' in this build"));
        return new StudyFiles(spec, trainer);
    }
}
