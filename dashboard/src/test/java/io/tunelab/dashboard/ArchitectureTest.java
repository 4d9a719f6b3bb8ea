package io.tunelab.dashboard;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The dashboard reaches the tracker through its ports and records only: never its JDBC implementation,
 * and (but for the benchmark, which opens a tracker of its own) not the facades that open one either;
 * the application passes the ports in.
 */
class ArchitectureTest {
    private static final JavaClasses TUNELAB = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.tunelab");
    private static final JavaClasses DASHBOARD = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.tunelab.dashboard");

    @Test
    void nothingOutsideTheTrackerDependsOnItsJdbcImplementation() {
        noClasses().that().resideOutsideOfPackage("io.tunelab.tracker..")
                .should().dependOnClassesThat().resideInAPackage("io.tunelab.tracker.jdbc..")
                .check(TUNELAB);
    }

    @Test
    void onlyTheBenchmarkOpensATracker() {
        noClasses().that().resideOutsideOfPackage("io.tunelab.dashboard.bench..")
                .should().dependOnClassesThat().resideInAnyPackage("io.tunelab.tracker.setup..",
                        "io.tunelab.tracker.server..", "io.tunelab.tracker.config..")
                .check(DASHBOARD);
    }
}
