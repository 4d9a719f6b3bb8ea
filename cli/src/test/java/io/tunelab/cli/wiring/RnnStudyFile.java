package io.tunelab.cli.wiring;

import io.tunelab.spec.StudySpec;
import io.tunelab.spec.StudySpecParser;

/** A djl-rnn study file minimising val_loss in one trial over one learning rate, with the data section a test gives. */
final class RnnStudyFile {
    private RnnStudyFile() {
    }

    /** The study file with {@code data} (a flow mapping or a data set's name) as its data section. */
    static StudySpec of(String data) {
        return new StudySpecParser().parse("""
                study: s
                direction: minimize
                metric: val_loss
                budget: {trials: 1}
                trainer: djl-rnn
                data: %s
                space:
                  learning_rate: {choice: [0.05]}
                """.formatted(data), "s.yaml");
    }
}
