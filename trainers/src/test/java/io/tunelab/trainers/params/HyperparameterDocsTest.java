package io.tunelab.trainers.params;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.trainers.djl.train.DjlHyperparameters;
import io.tunelab.trainers.tabular.Task;
import io.tunelab.trainers.tribuo.TribuoTrainerSpec;
import io.tunelab.trainers.tribuo.TrainerSpecs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The hyperparameter tables of {@code docs/study-files.md} are the trainers' catalogues, rendered. To
 * regenerate them after changing a catalogue, run this test with {@code -Dtunelab.docs.write=true}.
 */
class HyperparameterDocsTest {
    private static final Path DOC = Path.of("..", "docs", "study-files.md");
    private static final Pattern BLOCK = Pattern.compile("(<!-- hyperparameters: ([a-z_]+) [^>]*-->\\n)(.*?)(<!-- end -->)",
            Pattern.DOTALL);

    /** Each documented table, by the id its marker names. */
    static Map<String, String> expectedTables() {
        Map<String, String> tables = new LinkedHashMap<>();
        tables.put("djl", HyperparameterTables.render(Map.of("classification", DjlHyperparameters.CATALOGUE)));
        for (TribuoTrainerSpec spec : TrainerSpecs.all()) {
            Map<String, Hyperparameters> byTask = new LinkedHashMap<>();
            byTask.put("classification", spec.hyperparameters(Task.CLASSIFICATION));
            byTask.put("regression", spec.hyperparameters(Task.REGRESSION));
            tables.put(spec.name(), HyperparameterTables.render(byTask));
        }
        return tables;
    }

    @Test
    void everyTrainersTableInTheStudyFileDocumentIsItsCatalogue() throws IOException {
        String doc = Files.readString(DOC);
        Map<String, String> expected = expectedTables();
        Map<String, String> documented = new LinkedHashMap<>();
        Matcher m = BLOCK.matcher(doc);
        StringBuilder rewritten = new StringBuilder();
        while (m.find()) {
            documented.put(m.group(2), m.group(3));
            String table = expected.getOrDefault(m.group(2), m.group(3));
            m.appendReplacement(rewritten, Matcher.quoteReplacement(m.group(1) + table + m.group(4)));
        }
        m.appendTail(rewritten);
        if (Boolean.getBoolean("tunelab.docs.write")) {
            Files.writeString(DOC, rewritten.toString());
            documented.keySet().forEach(id -> documented.put(id, expected.get(id)));
        }

        assertThat(documented.keySet()).as("tables in " + DOC).containsExactlyElementsOf(expected.keySet());
        expected.forEach((id, table) -> assertThat(documented.get(id))
                .as("table '%s' of %s (regenerate with -Dtunelab.docs.write=true)", id, DOC).isEqualTo(table));
    }
}
