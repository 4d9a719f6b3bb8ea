package io.tunelab.tensorboard;

import io.tunelab.testing.arch.ArchitectureRules;
import io.tunelab.testing.arch.TunelabModule;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The tensorboard module keeps the rules every module keeps: it uses only search and tracker. */
class ArchitectureTest {
    @TestFactory
    Stream<DynamicTest> theRulesEveryModuleKeepsHold() {
        return ArchitectureRules.checks(TunelabModule.TENSORBOARD);
    }
}
