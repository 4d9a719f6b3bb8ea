package io.tunelab.trainers.djl;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The package rules of the neural-network half of the trainers module, as tests. */
class DjlArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.tunelab.trainers");

    @Test
    void packagesHaveNoCycles() {
        slices().matching("io.tunelab.trainers.(**)").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void dataSchedulesAndOptimizersKnowNothingOfTrainingLoopsOrCallbacks() {
        noClasses().that().resideInAnyPackage("..trainers.data..", "..trainers.schedule..", "..trainers.djl.optimizer..",
                        "..trainers.device..")
                .should().dependOnClassesThat().resideInAnyPackage("..trainers.djl.train..", "..trainers.callback..")
                .check(CLASSES);
    }

    @Test
    void nothingWritesToTheConsole() {
        noClasses().should().accessField(System.class, "out").orShould().accessField(System.class, "err")
                .check(CLASSES);
    }

    @Test
    void trainersDependOnNoTunelabModuleButSearch() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("io.tunelab.tracker..", "io.tunelab.dashboard..",
                "io.tunelab.cli..").check(CLASSES);
    }

    @Test
    void onlyThreeSmallClassesTouchThePyTorchEngineDirectly() {
        noClasses().that().doNotHaveFullyQualifiedName(ThreadGradients.class.getName())
                .and().doNotHaveFullyQualifiedName("io.tunelab.trainers.djl.optimizer.FusedUpdates")
                .and().doNotHaveFullyQualifiedName("io.tunelab.trainers.device.CpuThreads")
                .should().dependOnClassesThat().resideInAPackage("ai.djl.pytorch..")
                .check(CLASSES);
    }
}
