package io.tunelab.trainers.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConfusionMatrixTest {
    @Test
    void theMarkdownTableHasARowPerTrueClassWithItsTotalAndEscapesPipesInNames() {
        ConfusionMatrix m = ConfusionMatrix.of(new int[] {0, 0, 1, 1, 1}, new int[] {0, 1, 1, 1, 0}, List.of("a|b", "c"));
        assertThat(m.toMarkdown()).isEqualTo("""
                | true \\ predicted | a\\|b | c | total |
                |---|---:|---:|---:|
                | **a\\|b** | 1 | 1 | 2 |
                | **c** | 1 | 2 | 3 |
                """);
    }
}
