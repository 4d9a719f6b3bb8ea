package io.tunelab.tracker;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The tracker's packages form layers without cycles; its JDBC implementation is reached only through
 * the facades that open it; and only the benchmark's launcher prints.
 */
class ArchitectureTest {
    private static final JavaClasses TUNELAB = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.tunelab");
    private static final JavaClasses TRACKER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.tunelab.tracker");

    @Test
    void trackerPackagesAreFreeOfCycles() {
        slices().matching("io.tunelab.tracker.(*)..").should().beFreeOfCycles().check(TRACKER);
    }

    @Test
    void lowerPackagesNeverReachForTheSetupOrTheBenchmark() {
        noClasses().that().resideOutsideOfPackages("io.tunelab.tracker.setup..", "io.tunelab.tracker.bench..")
                .should().dependOnClassesThat().resideInAnyPackage("io.tunelab.tracker.setup..", "io.tunelab.tracker.bench..")
                .check(TRACKER);
    }

    @Test
    void nothingOutsideTheTrackerDependsOnItsJdbcImplementation() {
        noClasses().that().resideOutsideOfPackage("io.tunelab.tracker..")
                .should().dependOnClassesThat().resideInAPackage("io.tunelab.tracker.jdbc..")
                .check(TUNELAB);
    }

    @Test
    void onlyTheFacadesThatOpenATrackerReachIntoItsJdbcImplementation() {
        noClasses().that().resideOutsideOfPackages("io.tunelab.tracker.jdbc..", "io.tunelab.tracker.setup..",
                        "io.tunelab.tracker.server..")
                .should().dependOnClassesThat().resideInAPackage("io.tunelab.tracker.jdbc..")
                .check(TRACKER);
    }

    @Test
    void nothingButTheBenchmarkLauncherWritesToStandardOutput() {
        noClasses().that().resideOutsideOfPackage("io.tunelab.tracker.bench..")
                .should().accessField(System.class, "out").check(TRACKER);
    }
}
