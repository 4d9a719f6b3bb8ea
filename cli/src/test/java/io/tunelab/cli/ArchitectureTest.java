package io.tunelab.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The CLI wires the tracker through its facades and ports; nothing outside the tracker touches its JDBC code. */
class ArchitectureTest {
    private static final JavaClasses TUNELAB = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.tunelab");

    @Test
    void nothingOutsideTheTrackerDependsOnItsJdbcImplementation() {
        noClasses().that().resideOutsideOfPackage("io.tunelab.tracker..")
                .should().dependOnClassesThat().resideInAPackage("io.tunelab.tracker.jdbc..")
                .check(TUNELAB);
    }
}
