package io.tunelab.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.cli.DefaultWiring;
import io.tunelab.search.storage.InMemoryStorage;
import io.tunelab.search.storage.StudyRecord;
import io.tunelab.search.trial.Direction;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The study file stored with a study stays readable under checks added after it was stored. */
class StudyFilesTest {
    /** Maximises a loss: refused in a new file since the direction check came, accepted when it was stored. */
    private static final String STORED_BEFORE_THE_DIRECTION_CHECK = """
            study: old
            direction: maximize
            metric: val_loss
            budget: {trials: 1}
            trainer: tribuo-logistic
            data: {dataset: synthetic-classification, samples: 100, classes: 2, seed: 1}
            space:
              c: {float: [0.1, 10], log: true}
            """;

    @Test
    void aStoredFileThatANewFileCheckWouldRefuseStillGivesItsSpecAndTrainer() {
        InMemoryStorage storage = new InMemoryStorage();
        StudyRecord study = storage.createStudy("old", List.of(Direction.MAXIMIZE));
        storage.setStudySystemAttr(study.id(), StudyRunner.STUDY_FILE, STORED_BEFORE_THE_DIRECTION_CHECK);

        StudyFiles files = StudyFiles.of(storage, "old", new DefaultWiring().trainers());

        assertThat(files.spec().directions()).containsExactly(Direction.MAXIMIZE);
        assertThat(files.spec().metrics()).containsExactly("val_loss");
        assertThat(files.trainer().handles("tribuo-logistic")).isTrue();
    }
}
