package io.tunelab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** One concept, one type: no two main source files of the project share a simple class name. */
class SimpleClassNamesTest {
    @Test
    void noTwoMainClassesOfTheProjectShareASimpleName() throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent();
        Map<String, List<String>> byName = new TreeMap<>();
        try (Stream<Path> modules = Files.list(root)) {
            for (Path main : modules.map(m -> m.resolve("src/main/java")).filter(Files::isDirectory).toList()) {
                try (Stream<Path> files = Files.walk(main)) {
                    files.filter(f -> f.toString().endsWith(".java") && !f.endsWith("package-info.java"))
                            .forEach(f -> byName.computeIfAbsent(simpleName(f), n -> new ArrayList<>())
                                    .add(root.relativize(f).toString().replace('\\', '/')));
                }
            }
        }
        assertThat(byName).as("main classes found under %s", root).containsKeys("TunelabCommand", "Study", "TrackerException");

        Map<String, List<String>> shared = byName.entrySet().stream().filter(e -> e.getValue().size() > 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new));
        assertThat(shared).as("simple class names defined more than once; rename so each says how it differs").isEmpty();
    }

    private static String simpleName(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.length() - ".java".length());
    }
}
