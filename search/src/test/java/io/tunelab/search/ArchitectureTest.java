package io.tunelab.search;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The package rules of the search module, as tests. */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.tunelab.search");

    @Test
    void packagesHaveNoCycles() {
        slices().matching("io.tunelab.search.(*)..").should().beFreeOfCycles().check(CLASSES);
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
    void nothingWritesToTheConsole() {
        noClasses().should().accessField(System.class, "out").orShould().accessField(System.class, "err")
                .check(CLASSES);
    }

    @Test
    void searchDependsOnNoOtherTunelabModule() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("io.tunelab.tracker..", "io.tunelab.trainers..",
                "io.tunelab.dashboard..", "io.tunelab.cli..").check(CLASSES);
    }
}
