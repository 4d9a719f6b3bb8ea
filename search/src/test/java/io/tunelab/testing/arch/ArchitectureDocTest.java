package io.tunelab.testing.arch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The module table of {@code docs/architecture.md} says what {@link TunelabModule} enforces. */
class ArchitectureDocTest {
    private static final Pattern ROW = Pattern.compile("^\\| `(\\w+)` \\|[^|]*\\| ([^|]*) \\|", Pattern.MULTILINE);

    /** The "may use" column of the table, module by module. */
    static Map<String, Set<String>> documentedUses(String markdown) {
        Map<String, Set<String>> uses = new TreeMap<>();
        Matcher m = ROW.matcher(markdown);
        while (m.find()) {
            String column = m.group(2).trim();
            Set<String> used = column.equals("—") ? Set.of()
                    : Arrays.stream(column.split(",")).map(String::trim).collect(Collectors.toSet());
            uses.put(m.group(1), used);
        }
        return uses;
    }

    @Test
    void theDocumentedModuleTableIsTheEnforcedOne() throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "architecture.md"));
        Map<String, Set<String>> enforced = new TreeMap<>();
        for (TunelabModule module : TunelabModule.values()) {
            enforced.put(name(module), module.mayUse().stream().map(ArchitectureDocTest::name).collect(Collectors.toSet()));
        }
        assertThat(documentedUses(doc)).isEqualTo(enforced);
    }

    @Test
    void aRowIsReadAsTheModulesItMayUse() {
        String table = "| `spec` | the language | search | `StudySpecParser` |\n| `search` | core | — | `Sampler` |\n";
        assertThat(documentedUses(table)).isEqualTo(Map.of("spec", Set.of("search"), "search", Set.of()));
    }

    private static String name(TunelabModule module) {
        return module.name().toLowerCase(Locale.ROOT);
    }
}
