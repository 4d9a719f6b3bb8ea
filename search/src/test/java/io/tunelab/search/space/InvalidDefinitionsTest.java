package io.tunelab.search.space;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunelab.search.trial.FixedTrial;
import io.tunelab.search.trial.RangeOptions;
import io.tunelab.search.trial.Trial;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every invalid definition is rejected with a message naming the parameter and the bad value. */
class InvalidDefinitionsTest {

    static Stream<Arguments> invalidDefinitions() {
        return Stream.of(
                bad("low above high", "lr", t -> t.suggestFloat("lr", 0.1, 0.01), "low=0.1", "high=0.01"),
                bad("log with zero low", "lr", t -> t.suggestFloat("lr", 0.0, 1.0, RangeOptions.log()), "low=0.0", "low > 0"),
                bad("log with negative low", "alpha", t -> t.suggestReciprocal("alpha", -1e-3, 1.0), "low=-0.001"),
                bad("NaN low", "x", t -> t.suggestFloat("x", Double.NaN, 1.0), "low=NaN"),
                bad("infinite high", "x", t -> t.suggestFloat("x", 0.0, Double.POSITIVE_INFINITY), "high=Infinity"),
                bad("step not dividing the range", "dropout", t -> t.suggestFloat("dropout", 0.0, 0.5, RangeOptions.step(0.2)), "step=0.2"),
                bad("zero step", "dropout", t -> t.suggestFloat("dropout", 0.0, 0.5, RangeOptions.step(0.0)), "step=0.0"),
                bad("negative step", "dropout", t -> t.suggestFloat("dropout", 0.0, 0.5, RangeOptions.step(-0.1)), "step=-0.1"),
                bad("int low above high", "n_hidden", t -> t.suggestInt("n_hidden", 3, 0), "low=3", "high=0"),
                bad("int log with zero low", "units", t -> t.suggestInt("units", 0, 512, RangeOptions.log()), "low=0"),
                bad("int step not dividing", "units", t -> t.suggestInt("units", 16, 500, RangeOptions.step(32)), "step=32"),
                bad("int zero step", "units", t -> t.suggestInt("units", 16, 512, RangeOptions.step(0)), "step=0"),
                bad("empty choices", "activation", t -> t.suggestCategorical("activation", List.of()), "[]"),
                bad("duplicate choices", "activation",
                        t -> t.suggestCategorical("activation", List.of("relu", "elu", "relu")), "relu"),
                bad("numerically equal choices", "batch", t -> t.suggestCategorical("batch", List.of(32, 32.0)), "32"),
                bad("null choice", "optimizer", t -> t.suggestCategorical("optimizer", Arrays.asList("sgd", null)), "null"),
                bad("unsupported choice type", "shape",
                        t -> t.suggestCategorical("shape", List.of(new int[] {1}, "x")), "int[]"),
                bad("NaN choice", "ratio", t -> t.suggestCategorical("ratio", List.of(0.5, Double.NaN)), "NaN"),
                bad("same name, other distribution", "lr", t -> {
                    Trial fixed = new FixedTrial(Map.of("lr", 1e-3));
                    fixed.suggestFloat("lr", 1e-4, 1e-1, RangeOptions.log());
                    fixed.suggestFloat("lr", 1e-4, 1e-1);
                }, "float[1.0E-4, 0.1] log", "float[1.0E-4, 0.1]"),
                bad("fixed value outside the range", "n_hidden",
                        t -> new FixedTrial(Map.of("n_hidden", 7)).suggestInt("n_hidden", 0, 3), "7"));
    }

    private static Arguments bad(String what, String parameter, Consumer<Trial> definition, String... mentions) {
        return Arguments.of(what, parameter, definition, mentions);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidDefinitions")
    void isRejectedNamingTheParameterAndTheBadValue(String what, String parameter, Consumer<Trial> definition,
                                                    String[] mentions) {
        Trial trial = new FixedTrial(Map.of());
        assertThatThrownBy(() -> definition.accept(trial))
                .isInstanceOf(InvalidDistributionException.class)
                .hasMessageContaining("'" + parameter + "'")
                .hasMessageContainingAll(mentions);
    }
}
