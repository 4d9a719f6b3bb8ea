package io.tunelab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The class lists shipped in {@code cli/src/main/cds} (which the launcher adds to its class-data archive) name
 * classes the class path has: a driver upgrade or a rename that leaves a name behind fails here, with the script
 * that writes the list named. The JDK's own classes are not checked, since they differ between JDK builds and the
 * archive skips names a JDK does not have.
 */
class ShippedClassListsTest {
    private static final Path LISTS = Path.of("src/main/cds");
    private static final List<String> JDK_PREFIXES = List.of("java/", "javax/", "jdk/", "sun/", "com/sun/");

    @Test
    void thePostgresqlListNamesTheDriversClasses() throws IOException {
        assertThat(names(LISTS.resolve("postgresql.classlist")))
                .anyMatch(n -> n.equals("org/postgresql/core/v3/QueryExecutorImpl"))
                .anyMatch(n -> n.equals("org/postgresql/jdbc/PgResultSet"));
    }

    @Test
    void everyShippedListNamesOnlyClassesTheClassPathHas() throws IOException {
        List<Path> lists;
        try (Stream<Path> files = Files.list(LISTS)) {
            lists = files.filter(f -> f.toString().endsWith(".classlist")).toList();
        }
        assertThat(lists).isNotEmpty();
        for (Path list : lists) {
            List<String> missing = names(list).stream()
                    .filter(n -> JDK_PREFIXES.stream().noneMatch(n::startsWith))
                    .filter(n -> !loadable(n))
                    .toList();
            assertThat(missing).as("classes named in " + list + " that the class path lacks; run "
                    + "scripts/cds-postgresql-classlist.sh to write the list again").isEmpty();
        }
    }

    private static List<String> names(Path list) throws IOException {
        return Files.readAllLines(list).stream().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
    }

    private static boolean loadable(String name) {
        try {
            Class.forName(name.replace('/', '.'), false, ShippedClassListsTest.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
