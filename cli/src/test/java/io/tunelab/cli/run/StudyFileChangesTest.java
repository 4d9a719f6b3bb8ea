package io.tunelab.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StudyFileChangesTest {
    private static final String STORED = """
            study: s
            budget: {trials: 10}
            data: {dataset: synthetic-classification, samples: 6000}
            space:
              max_depth: {int: [4, 16]}
              lr: {float: [0.001, 0.1], log: true}
            """;

    @Test
    void listsEachChangedFieldByItsPathWithTheOldAndNewValue() {
        String now = STORED.replace("samples: 6000", "samples: 3000").replace("[4, 16]", "[2, 30]");

        assertThat(StudyFileChanges.between(STORED, now))
                .containsExactly("data.samples: 6000 → 3000", "space.max_depth.int: [4, 16] → [2, 30]");
    }

    @Test
    void aNumberWrittenAnotherWayIsNoChange() {
        String now = STORED.replace("samples: 6000", "samples: 6000.0").replace("[0.001, 0.1]", "[1e-3, 0.10]")
                .replace("{trials: 10}", "{trials: 12}");

        assertThat(StudyFileChanges.between(STORED, now)).containsExactly("budget.trials: 10 → 12");
    }

    @Test
    void theSameFileInAnotherYamlStyleIsNoChange() {
        String block = STORED.replace("data: {dataset: synthetic-classification, samples: 6000}",
                "data:\n  dataset: synthetic-classification\n  samples: 6000");

        assertThat(StudyFileChanges.between(STORED, block)).isEmpty();
    }
}
