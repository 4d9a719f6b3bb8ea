package io.tunelab.trainers.djl;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import io.tunelab.testing.arch.ArchitectureRules;
import io.tunelab.testing.arch.TunelabModule;
import org.junit.jupiter.api.Test;

/** The package rules of the neural-network half of the trainers module, as tests (the shared ones are in ArchitectureTest). */
class DjlArchitectureTest {
    private static final JavaClasses CLASSES = ArchitectureRules.productionClasses(TunelabModule.TRAINERS);

    @Test
    void dataSchedulesAndOptimizersKnowNothingOfTrainingLoopsOrCallbacks() {
        noClasses().that().resideInAnyPackage("..trainers.data..", "..trainers.schedule..", "..trainers.djl.optimizer..",
                        "..trainers.device..")
                .should().dependOnClassesThat().resideInAnyPackage("..trainers.djl.train..", "..trainers.callback..")
                .check(CLASSES);
    }

    @Test
    void onlyFourSmallClassesTouchThePyTorchEngineDirectly() {
        noClasses().that().doNotHaveFullyQualifiedName(ThreadGradients.class.getName())
                .and().doNotHaveFullyQualifiedName("io.tunelab.trainers.djl.optimizer.FusedUpdates")
                .and().doNotHaveFullyQualifiedName("io.tunelab.trainers.device.CpuThreads")
                .and().doNotHaveFullyQualifiedName("io.tunelab.trainers.device.PyTorchNatives")
                .should().dependOnClassesThat().resideInAPackage("ai.djl.pytorch..")
                .check(CLASSES);
    }
}
