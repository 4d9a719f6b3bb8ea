package io.tunelab.spark;

import io.tunelab.testing.arch.ArchitectureRules;
import io.tunelab.testing.arch.TunelabModule;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The Spark application keeps the rules every module keeps. */
class ArchitectureTest {
    @TestFactory
    Stream<DynamicTest> theRulesEveryModuleKeepsHold() {
        return ArchitectureRules.checks(TunelabModule.SPARK);
    }
}
