package io.tunelab.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.search.study.Study;
import io.tunelab.search.trial.Direction;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class RunSummaryTest {

    private static String printed(String storageUrl) {
        Study study = Study.builder("s").direction(Direction.MINIMIZE).create();
        study.optimize(trial -> trial.suggestFloat("x", 0, 1), 2);
        StringWriter text = new StringWriter();
        RunSummary.print(new PrintWriter(text), study, storageUrl);
        return text.toString();
    }

    @Test
    void aStoredStudyEndsWithTheCommandThatListsItsTrials() {
        assertThat(printed("/tmp/t")).contains("Stored in /tmp/t (see `tunelab trials s --storage /tmp/t`).");
    }

    @Test
    void aStudyInMemoryIsNotSentToACommandThatCannotFindIt() {
        assertThat(printed("memory:")).contains("Kept in memory: nothing was stored").doesNotContain("tunelab trials");
    }
}
