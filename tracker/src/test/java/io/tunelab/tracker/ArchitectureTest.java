package io.tunelab.tracker;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The tracker's packages form layers without cycles, and nothing prints. */
class ArchitectureTest {
    private static final JavaClasses TRACKER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.tunelab.tracker");

    @Test
    void trackerPackagesAreFreeOfCycles() {
        slices().matching("io.tunelab.tracker.(*)..").should().beFreeOfCycles().check(TRACKER);
    }

    @Test
    void lowerPackagesNeverReachForTheSetup() {
        noClasses().that().resideOutsideOfPackage("io.tunelab.tracker.setup..")
                .should().dependOnClassesThat().resideInAPackage("io.tunelab.tracker.setup..")
                .check(TRACKER);
    }

    @Test
    void nothingWritesToStandardOutput() {
        noClasses().should().accessField(System.class, "out").check(TRACKER);
    }
}
