package io.tunelab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.cli.run.StudyRunner;
import io.tunelab.search.storage.InMemoryStorage;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tunelab create} of a study that exists changes only its run settings, as Optuna's load_if_exists never changes a study. */
class CreateCommandTest {
    private final InMemoryStorage storage = new InMemoryStorage();
    private final CartStudyFile file = CartStudyFile.named("qa-rf").trials(10).samples(120);

    private CliRun create(Path file, String... more) {
        String[] args = new String[3 + more.length];
        args[0] = "create";
        args[1] = file.toString();
        args[2] = "--storage=memory:";
        System.arraycopy(more, 0, args, 3, more.length);
        return CliRun.of(CliRun.wiring(storage, new DefaultWiring().trainers()), args);
    }

    private String storedFile() {
        return (String) storage.findStudy("qa-rf").orElseThrow().systemAttrs().get(StudyRunner.STUDY_FILE);
    }

    @Test
    void aFileChangingTheDataAndSpaceOfAnExistingStudyIsRefusedWithEachChangedField(@TempDir Path dir) throws Exception {
        assertThat(create(file.writeTo(dir)).code()).isZero();
        String before = storedFile();
        Path changed = file.trials(12).samples(90).writeTo(dir);
        Files.writeString(changed, Files.readString(changed).replace("[1, 6]", "[2, 30]"));

        CliRun run = create(changed);

        assertThat(run.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err()).contains("study 'qa-rf' exists with another study file")
                .contains("  data.samples: 120 → 90").contains("  space.max_depth.int: [1, 6] → [2, 30]")
                .doesNotContain("budget.trials").contains("--replace-file").contains("new name");
        assertThat(storedFile()).isEqualTo(before);
    }

    @Test
    void aFileChangingOnlyTheBudgetUpdatesTheStudyAsBefore(@TempDir Path dir) throws Exception {
        create(file.writeTo(dir));

        CliRun run = create(file.trials(12).parallel("{workers: 1, devices: cpu}").writeTo(dir));

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("Updated study 'qa-rf'").contains("budget 12 trials");
        assertThat(storedFile()).contains("trials: 12");
    }

    @Test
    void replaceFileStoresAChangedFileInPlaceOfTheStudysOwn(@TempDir Path dir) throws Exception {
        create(file.writeTo(dir));

        CliRun run = create(file.samples(90).writeTo(dir), "--replace-file");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(storedFile()).contains("samples: 90");
    }
}
