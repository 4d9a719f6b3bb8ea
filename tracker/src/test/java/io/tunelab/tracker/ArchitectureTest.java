package io.tunelab.tracker;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import io.tunelab.testing.arch.ArchitectureRules;
import io.tunelab.testing.arch.TunelabModule;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The tracker keeps the rules every module keeps (it uses only the search module), and its packages form layers. */
class ArchitectureTest {
    @TestFactory
    Stream<DynamicTest> theRulesEveryModuleKeepsHold() {
        return ArchitectureRules.checks(TunelabModule.TRACKER);
    }

    @Test
    void lowerPackagesNeverReachForTheSetup() {
        noClasses().that().resideOutsideOfPackage("io.tunelab.tracker.setup..")
                .should().dependOnClassesThat().resideInAPackage("io.tunelab.tracker.setup..")
                .check(ArchitectureRules.productionClasses(TunelabModule.TRACKER));
    }

    @Test
    void onlyTheFacadesThatOpenATrackerReachIntoItsJdbcImplementation() {
        noClasses().that().resideOutsideOfPackages("io.tunelab.tracker.jdbc..", "io.tunelab.tracker.setup..",
                        "io.tunelab.tracker.server..")
                .should().dependOnClassesThat().resideInAPackage("io.tunelab.tracker.jdbc..")
                .check(ArchitectureRules.productionClasses(TunelabModule.TRACKER));
    }
}
