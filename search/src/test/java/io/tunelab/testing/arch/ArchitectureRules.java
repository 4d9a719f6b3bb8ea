package io.tunelab.testing.arch;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * The architecture rules every Tunelab module keeps, checked by the {@code ArchitectureTest} in each module's root
 * test package: the module's packages (its root package among them) form no cycle, nothing but a {@code main} method
 * writes to the console, the module uses only the modules it may ({@link TunelabModule#mayUse()}), and nothing outside
 * the tracker depends on the tracker's JDBC package. Rules that concern one module only stay in that module's tests.
 */
public final class ArchitectureRules {
    private static final Set<String> CONSOLE = Set.of("out", "err");
    private static final Map<TunelabModule, JavaClasses> IMPORTED = new ConcurrentHashMap<>();

    private ArchitectureRules() {
    }

    /** Every shared rule as a test of its own, named by the rule, against the module's production classes. */
    public static Stream<DynamicTest> checks(TunelabModule module) {
        JavaClasses classes = productionClasses(module);
        return rules(module).stream().map(rule -> DynamicTest.dynamicTest(rule.getDescription(), () -> rule.check(classes)));
    }

    /** The shared rules for one module. */
    public static List<ArchRule> rules(TunelabModule module) {
        return List.of(packagesAreFreeOfCycles(module), onlyMainMethodsWriteToTheConsole(), usesOnlyTheModulesItMay(module),
                nothingOutsideTheTrackerDependsOnItsJdbcPackage());
    }

    /** The module's classes without its tests, imported once per test JVM. */
    public static JavaClasses productionClasses(TunelabModule module) {
        return IMPORTED.computeIfAbsent(module, m -> new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(m.rootPackage()));
    }

    /** No two packages of the module depend on each other, directly or through others; the root package is one of them. */
    public static ArchRule packagesAreFreeOfCycles(TunelabModule module) {
        return slices().assignedFrom(new PackagesOf(module.rootPackage())).should().beFreeOfCycles()
                .as("the packages of " + module.rootPackage() + " are free of cycles");
    }

    /** {@code System.out} and {@code System.err} are for console entry points, the {@code main} methods, only. */
    public static ArchRule onlyMainMethodsWriteToTheConsole() {
        return noClasses().should().accessFieldWhere(describe("System.out or System.err outside a main method",
                        access -> access.getTargetOwner().isEquivalentTo(System.class) && CONSOLE.contains(access.getName())
                                && !isMainMethod(access.getOrigin())))
                .as("nothing but a main method writes to System.out or System.err");
    }

    /** The module's classes use no Tunelab module but their own and those {@link TunelabModule#mayUse()} names. */
    public static ArchRule usesOnlyTheModulesItMay(TunelabModule module) {
        String[] allowed = Stream.concat(Stream.of(module), module.mayUse().stream())
                .map(m -> m.rootPackage() + "..").sorted().toArray(String[]::new);
        return noClasses().that().resideInAPackage(module.rootPackage() + "..")
                .should().dependOnClassesThat(resideInAPackage("io.tunelab..").and(not(resideInAnyPackage(allowed))))
                .as(module.rootPackage() + " uses no Tunelab module outside " + String.join(", ", allowed));
    }

    /** The tracker's JDBC code is its own business; passes vacuously in the tracker itself. */
    public static ArchRule nothingOutsideTheTrackerDependsOnItsJdbcPackage() {
        return noClasses().that().resideOutsideOfPackage("io.tunelab.tracker..")
                .should().dependOnClassesThat().resideInAPackage("io.tunelab.tracker.jdbc..")
                .allowEmptyShould(true)
                .as("nothing outside the tracker depends on io.tunelab.tracker.jdbc");
    }

    private static boolean isMainMethod(JavaCodeUnit unit) {
        return unit.getName().equals("main") && unit.getModifiers().contains(JavaModifier.STATIC)
                && unit.getRawParameterTypes().size() == 1 && unit.getRawParameterTypes().get(0).isEquivalentTo(String[].class);
    }

    /** One slice per package under the root, the root package included; classes elsewhere are ignored. */
    private record PackagesOf(String root) implements SliceAssignment {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String pkg = javaClass.getPackageName();
            return pkg.equals(root) || pkg.startsWith(root + ".") ? SliceIdentifier.of(pkg) : SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "the packages of " + root;
        }
    }
}
