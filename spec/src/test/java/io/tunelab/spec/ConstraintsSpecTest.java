package io.tunelab.spec;

import static io.tunelab.spec.SpecFiles.adding;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.tunelab.spec.ConstraintSpec.Bound;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code constraints:} in a study file: metrics whose final values must stay within a bound. */
class ConstraintsSpecTest {
    private final StudySpecParser parser = new StudySpecParser();

    @Test
    void aFileWithoutConstraintsHasNone() {
        assertThat(parser.parse(SpecFiles.MINIMAL, "s.yaml").constraints()).isEmpty();
    }

    @Test
    void aBareNameMustBeAtMostZeroAndBoundsReadBothWays() {
        StudySpec spec = parser.parse(adding("constraints: [gap, 'cv_std <= 0.05', val_accuracy>=-1e-1]"), "s.yaml");

        assertThat(spec.constraints()).containsExactly(ConstraintSpec.atMostZero("gap"),
                new ConstraintSpec("cv_std", Bound.AT_MOST, 0.05), new ConstraintSpec("val_accuracy", Bound.AT_LEAST, -0.1));
        assertThat(spec.constraints()).extracting(ConstraintSpec::toString)
                .containsExactly("gap <= 0", "cv_std <= 0.05", "val_accuracy >= -0.1");
    }

    @Test
    void oneConstraintMayBeGivenWithoutAList() {
        assertThat(parser.parse(adding("constraints: latency_ms <= 20"), "s.yaml").constraints())
                .containsExactly(new ConstraintSpec("latency_ms", Bound.AT_MOST, 20));
    }

    @Test
    void theConstraintValueIsAtMostZeroExactlyWhenTheBoundHolds() {
        ConstraintSpec atMost = new ConstraintSpec("std", Bound.AT_MOST, 0.05);
        ConstraintSpec atLeast = new ConstraintSpec("acc", Bound.AT_LEAST, 0.8);

        assertThat(atMost.value(0.05)).isZero();
        assertThat(atMost.value(0.07)).isCloseTo(0.02, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(atLeast.value(0.9)).isNegative();
        assertThat(atLeast.value(0.7)).isCloseTo(0.1, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(atLeast.value(Double.NaN)).isPositive().isInfinite();
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of("constraints: []", "constraints", "expected one value or a list of 1 to 16, got 0"),
                Arguments.of("constraints: [gap, 3]", "constraints[1]", "expected a text, got the number 3"),
                Arguments.of("constraints: ['cv std']", "constraints[0]",
                        "expected a metric name, alone (must be <= 0) or with '<= NUMBER' or '>= NUMBER'"
                                + " (e.g. cv_std or 'val_accuracy >= 0.8'), got 'cv std'"),
                Arguments.of("constraints: ['gap < 3']", "constraints[0]", "expected a metric name"),
                Arguments.of("constraints: ['gap <= lots']", "constraints[0]",
                        "the bound of 'gap' must be a finite number, got 'lots'"),
                Arguments.of("constraints: ['gap >= NaN']", "constraints[0]", "must be a finite number, got 'NaN'"),
                Arguments.of("constraints: [gap, 'gap <= 0']", "constraints[1]", "constraint 'gap <= 0' is given twice"),
                Arguments.of("constraints: [constraints]", "constraints[0]",
                        "'constraints' is the attribute the constraint values are stored in"),
                Arguments.of("constraints: {gap: 0}", "constraints", "expected a text, got a mapping"),
                Arguments.of("constriants: [gap]", "constriants", "unknown key 'constriants' (did you mean 'constraints'?)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void aMalformedConstraintIsReportedWithItsFieldAndWhatWasExpected(String line, String path, String message) {
        SpecValidationException e = catchThrowableOfType(SpecValidationException.class,
                () -> parser.parse(adding(line), "study.yaml"));

        assertThat(e).as(line).isNotNull();
        assertThat(e.problems()).anySatisfy(p -> {
            assertThat(p.line()).isEqualTo(9);
            assertThat(p.path()).isEqualTo(path);
            assertThat(p.message()).contains(message);
        });
    }
}
