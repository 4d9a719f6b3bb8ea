package io.tunelab.search;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import io.tunelab.testing.arch.ArchitectureRules;
import io.tunelab.testing.arch.TunelabModule;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The package rules of the search module, as tests: the rules every module keeps (it uses no other), and its own. */
class ArchitectureTest {
    private static final JavaClasses CLASSES = ArchitectureRules.productionClasses(TunelabModule.SEARCH);

    @TestFactory
    Stream<DynamicTest> theRulesEveryModuleKeepsHold() {
        return ArchitectureRules.checks(TunelabModule.SEARCH);
    }

    @Test
    void distributionsAndSlotsDependOnNoOtherSearchPackage() {
        noClasses().that().resideInAnyPackage("..search.space..", "..search.exec..")
                .should().dependOnClassesThat().resideInAnyPackage("..search.trial..", "..search.study..",
                        "..search.sampler..", "..search.pruner..", "..search.storage..")
                .check(CLASSES);
    }

    @Test
    void samplersAndPrunersSeeSnapshotsNotStudies() {
        noClasses().that().resideInAnyPackage("..search.sampler..", "..search.pruner..")
                .should().dependOnClassesThat().resideInAPackage("..search.study..")
                .check(CLASSES);
    }

    @Test
    void parameterImportanceReadsTrialSnapshotsOnly() {
        noClasses().that().resideInAPackage("..search.importance..")
                .should().dependOnClassesThat().resideInAnyPackage("..search.study..", "..search.sampler..",
                        "..search.pruner..", "..search.storage..")
                .check(CLASSES);
    }
}
