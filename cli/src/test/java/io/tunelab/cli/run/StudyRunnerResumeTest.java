package io.tunelab.cli.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunelab.cli.DefaultWiring;
import io.tunelab.cli.error.CliException;
import io.tunelab.search.space.FloatDistribution;
import io.tunelab.search.storage.InMemoryStorage;
import io.tunelab.search.study.Study;
import io.tunelab.search.trial.Trial;
import io.tunelab.spec.StudySpecParser;
import org.junit.jupiter.api.Test;

/** Resuming a study is refused when the file measures its trials otherwise than the stored file did. */
class StudyRunnerResumeTest {
    private static final String FILE = """
            study: cart
            direction: maximize
            metric: %s
            budget: {trials: 1}
            trainer: %s
            data: {dataset: synthetic-classification, samples: 100, classes: 2, seed: 1}
            space:
              c: %s
            """;
    private static final String C = "{float: [0.1, 10], log: true}";
    private final InMemoryStorage storage = new InMemoryStorage();
    private final DefaultWiring wiring = new DefaultWiring();

    private StudyRunner runner(String metric, String trainer) {
        return runner(metric, trainer, C);
    }

    private StudyRunner runner(String metric, String trainer, String c) {
        String text = FILE.formatted(metric, trainer, c);
        return new StudyRunner(new StudySpecParser().parse(text, "cart.yaml"), text, storage, wiring.trainers(),
                wiring.devices());
    }

    @Test
    void anotherMetricOrTrainerIsRefusedNamingTheStoredAndTheNewOne() {
        runner("accuracy", "tribuo-logistic").create(false);

        assertThatThrownBy(() -> runner("macro_f1", "tribuo-logistic").create(false)).isInstanceOf(CliException.class)
                .hasMessageStartingWith("study 'cart' was created with metric accuracy, not macro_f1;")
                .hasMessageContaining("Give the study a new name");
        assertThatThrownBy(() -> runner("accuracy", "tribuo-liblinear").create(false)).isInstanceOf(CliException.class)
                .hasMessageStartingWith("study 'cart' was created with trainer tribuo-logistic, not tribuo-liblinear;");
        assertThat(storage.findStudy("cart").orElseThrow().systemAttrs().get(StudyRunner.STUDY_FILE).toString())
                .as("the stored study file is kept").contains("metric: accuracy").contains("trainer: tribuo-logistic");
    }

    @Test
    void anotherDirectionIsRefusedBeforeAnythingIsWrittenSoADryRunCanAskToo() {
        runner("accuracy", "tribuo-logistic").create(false);
        String text = FILE.formatted("accuracy", "tribuo-logistic", C)
                .replace("direction: maximize", "direction: minimize\ndirection_check: false");
        StudyRunner minimizing = new StudyRunner(new StudySpecParser().parse(text, "cart.yaml"), text, storage,
                wiring.trainers(), wiring.devices());

        assertThatThrownBy(minimizing::checkResumable).isInstanceOf(CliException.class)
                .hasMessageStartingWith("study 'cart' was created with directions [MAXIMIZE], not [MINIMIZE];");
    }

    @Test
    void resumingWithAnotherRangeGivesOneNoticeNamingTheOldAndNewRangeAndTheEarlierTrials() {
        assertThat(runner("accuracy", "tribuo-logistic").spaceChange()).as("a new study: no notice").isEmpty();
        Study study = runner("accuracy", "tribuo-logistic").create(false);
        Trial first = study.ask();
        first.suggest("c", FloatDistribution.logUniform(0.1, 10));
        study.tell(first, 0.9);

        StudyRunner widened = runner("accuracy", "tribuo-logistic", "{float: [0.01, 100], log: true}");
        widened.create(false);

        assertThat(widened.spaceChange()).hasValue("Study 'cart' resumes with a changed search space:"
                + " c float[0.01, 100.0] log, was float[0.1, 10.0] log (in 1 earlier trial). Earlier trials keep their"
                + " values. Samplers learn about a changed or added parameter only from trials that searched it from its"
                + " new distribution; cmaes, gp, nsga2, qmc and multivariate tpe draw it apart from their joint search"
                + " from now on.");
        assertThat(runner("accuracy", "tribuo-logistic", "{float: [0.01, 100], log: true}").spaceChange())
                .as("the same space again: no notice").isEmpty();
    }

    @Test
    void aParameterSearchedFromAnotherKindOfDistributionThanTheTrialsRecordedIsRefusedNamingBoth() {
        Study study = runner("accuracy", "tribuo-logistic").create(false);
        Trial first = study.ask();
        first.suggest("c", FloatDistribution.logUniform(0.1, 10));
        study.tell(first, 0.9);

        assertThatThrownBy(() -> runner("accuracy", "tribuo-logistic", "{choice: [0.1, 1.0, 10.0]}").create(false))
                .isInstanceOf(CliException.class).hasMessageStartingWith("space.c: this file searches choice[0.1, 1.0, 10.0],"
                        + " but trial 0 of this study suggested it from")
                .hasMessageContaining("a parameter keeps one kind of distribution");
        assertThat(runner("accuracy", "tribuo-logistic", "{float: [0.01, 100], log: true}").create(false).name())
                .as("another range of the same kind resumes").isEqualTo("cart");
    }

    @Test
    void theSameFileResumes() {
        runner("accuracy", "tribuo-logistic").create(false);

        assertThat(runner("accuracy", "tribuo-logistic").create(false).name()).isEqualTo("cart");
    }
}
