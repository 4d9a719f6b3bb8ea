package io.tunelab.search.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunelab.search.storage.InMemoryStorage;
import io.tunelab.search.storage.StorageException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Study-level user attributes, as Optuna's {@code study.set_user_attr} and {@code study.user_attrs}. */
class StudyUserAttrsTest {

    @Test
    void aUserAttributeIsStoredAndReadBackWhenTheStudyIsLoadedAgain() {
        InMemoryStorage storage = new InMemoryStorage();
        Study study = Study.builder("attrs").storage(storage).create();
        study.setUserAttr("dataset", "fashion-mnist");
        study.setUserAttr("folds", 5);
        study.setUserAttr("folds", 10);
        study.setUserAttr("tags", List.of("baseline", "cpu"));

        Study loaded = Study.builder("attrs").storage(storage).load();

        assertThat(loaded.userAttrs()).containsExactly(Map.entry("dataset", "fashion-mnist"), Map.entry("folds", 10),
                Map.entry("tags", List.of("baseline", "cpu")));
        assertThat(loaded.systemAttrs()).containsKeys("seed", "sampler").doesNotContainKeys("dataset", "folds")
                .allSatisfy((key, value) -> assertThat(key).doesNotStartWith("user_attr:"));
    }

    @Test
    void aNewStudyHasNoUserAttributesAndABlankKeyIsRefused() {
        Study study = Study.builder("none").create();
        assertThat(study.userAttrs()).isEmpty();
        assertThatThrownBy(() -> study.setUserAttr(" ", 1)).isInstanceOf(StorageException.class);
    }

    @Test
    void aStudyWithoutANameIsRefusedNamingTheField() {
        assertThatThrownBy(() -> Study.builder(null)).isInstanceOf(StudyException.class)
                .hasMessage("study builder: name must be given, got null");
        assertThatThrownBy(() -> Study.builder("s").pruner(null)).isInstanceOf(StudyException.class)
                .hasMessageContaining("pruner must be given");
    }
}
