package io.tunelab.dashboard;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import io.tunelab.testing.arch.ArchitectureRules;
import io.tunelab.testing.arch.TunelabModule;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The dashboard keeps the rules every module keeps: it uses only the tracker and search modules. It reaches
 * the tracker through its ports and records only, never the facades that open one: the application passes
 * the ports in.
 */
class ArchitectureTest {
    @TestFactory
    Stream<DynamicTest> theRulesEveryModuleKeepsHold() {
        return ArchitectureRules.checks(TunelabModule.DASHBOARD);
    }

    @Test
    void theDashboardNeverOpensATrackerItself() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("io.tunelab.tracker.setup..",
                        "io.tunelab.tracker.server..", "io.tunelab.tracker.config..")
                .check(ArchitectureRules.productionClasses(TunelabModule.DASHBOARD));
    }
}
