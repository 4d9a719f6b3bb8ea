package io.tunelab.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tunelab.trainers.predict.InputRange;
import io.tunelab.trainers.predict.InputSchema;
import io.tunelab.trainers.predict.InputSchema.Column;
import java.util.List;
import org.junit.jupiter.api.Test;

class InstanceParserTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A CSV model's input: a numeric column, then a categorical one of three levels. */
    private static final InputSchema CSV_MODEL = InputSchema.columns(List.of(
            new Column("petal", List.of()), new Column("colour", List.of("blue", "green", "red"))));

    private static float[] one(String instance) throws Exception {
        JsonNode body = JSON.readTree("{\"instances\": [" + instance + "]}");
        return new InstanceParser(CSV_MODEL, 10).parse(body)[0];
    }

    @Test
    void aCategoricalColumnIsSentByItsLevelAsInTheTrainingFile() throws Exception {
        assertThat(CSV_MODEL.featureNames()).containsExactly("petal", "colour=blue", "colour=green", "colour=red");

        assertThat(one("{\"petal\": 1.5, \"colour\": \"red\"}")).containsExactly(1.5f, 0, 0, 1);
    }

    @Test
    void nullIsAMissingValueAtEveryIndicatorOfItsColumn() throws Exception {
        assertThat(one("{\"petal\": null, \"colour\": null}")).containsExactly(Float.NaN, Float.NaN, Float.NaN, Float.NaN);
    }

    @Test
    void theIndicatorsAreStillAcceptedWithAtMostOneSet() throws Exception {
        assertThat(one("{\"petal\": 2, \"colour=blue\": 0, \"colour=green\": 1, \"colour=red\": 0}"))
                .containsExactly(2f, 0, 1, 0);
        assertThatThrownBy(() -> one("{\"petal\": 2, \"colour=blue\": 1, \"colour=green\": 1, \"colour=red\": 0}"))
                .isInstanceOf(BadInputException.class).hasMessageContaining("sets 2 indicators of 'colour' to 1");
        assertThatThrownBy(() -> one("{\"petal\": 2, \"colour=blue\": 0.37, \"colour=green\": 0, \"colour=red\": 0}"))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("instances[0].colour=blue is an indicator: expected 0 or 1, got 0.37");
    }

    @Test
    void aLevelTrainingNeverSawIsRefusedNamingTheFieldTheValueAndTheLevels() {
        assertThatThrownBy(() -> one("{\"petal\": 1, \"colour\": \"purple\"}")).isInstanceOf(BadInputException.class)
                .hasMessage("instances[0].colour must be one of [blue, green, red] (the levels seen in training) or null,"
                        + " got \"purple\"");
    }

    @Test
    void aColumnGivenTwiceOrByHalfItsIndicatorsIsRefused() {
        assertThatThrownBy(() -> one("{\"petal\": 1, \"colour\": \"red\", \"colour=red\": 1}"))
                .isInstanceOf(BadInputException.class).hasMessageContaining("gives 'colour' and its indicators [colour=red]");
        assertThatThrownBy(() -> one("{\"petal\": 1, \"colour=red\": 1}"))
                .isInstanceOf(BadInputException.class).hasMessageContaining("missing [colour=blue, colour=green]");
        assertThatThrownBy(() -> one("{\"petal\": 1}"))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("missing feature 'colour': send one of its levels [blue, green, red], or null");
    }

    @Test
    void aFieldTheModelDoesNotTakeIsIgnoredAndListedWhenEveryColumnIsGivenAsMlflowDoes() throws Exception {
        InstanceParser parser = new InstanceParser(CSV_MODEL, 10);
        float[][] rows = parser.parse(JSON.readTree("[{\"petal\": 1, \"colour\": \"red\", \"sepal\": 2, \"species\": \"a\"}]"));

        assertThat(rows[0]).isEqualTo(one("{\"petal\": 1, \"colour\": \"red\"}"));
        assertThat(parser.ignored()).containsExactly("sepal", "species");
    }

    @Test
    void anUnknownFieldWhileAColumnIsMissingIsRefusedListingTheColumns() {
        assertThatThrownBy(() -> one("{\"colour\": \"red\", \"sepal\": 2}"))
                .isInstanceOf(BadInputException.class)
                .hasMessage("instances[0] has unknown feature 'sepal'; expected [petal, colour], missing [petal]");
    }

    @Test
    void anInstanceThatIsNotAnObjectGetsAnExampleOfOne() {
        assertThatThrownBy(() -> one("[1, 2]")).isInstanceOf(BadInputException.class)
                .hasMessage("instances[0] must be an object of feature name to value, e.g. {\"petal\": 1.5}");
    }

    @Test
    void theTrainingCsvsMissingTokensAreMissingValuesToo() throws Exception {
        assertThat(one("{\"petal\": \"\", \"colour\": \"\"}")).containsExactly(Float.NaN, Float.NaN, Float.NaN, Float.NaN);
        assertThat(one("{\"petal\": \"NA\", \"colour\": \"?\"}")).containsExactly(Float.NaN, Float.NaN, Float.NaN, Float.NaN);
    }

    @Test
    void aFloatOfIntegralValueNamesANumericLookingLevel() throws Exception {
        InputSchema zips = InputSchema.columns(List.of(new Column("zip", List.of("6000", "8000"))));
        JsonNode body = JSON.readTree("{\"instances\": [{\"zip\": 8000.0}, {\"zip\": \"6000.0\"}]}");

        assertThat(new InstanceParser(zips, 10).parse(body)).isDeepEqualTo(new float[][] {{0, 1}, {1, 0}});
        assertThatThrownBy(() -> new InstanceParser(zips, 10).parse(JSON.readTree("[{\"zip\": 6000.5}]")))
                .isInstanceOf(BadInputException.class).hasMessageContaining("must be one of [6000, 8000]");
    }

    @Test
    void aMisspeltColumnIsNamedWithTheColumnItProbablyMeans() {
        assertThatThrownBy(() -> one("{\"petl\": 1, \"colour\": \"red\"}"))
                .isInstanceOf(BadInputException.class)
                .hasMessage("instances[0] has unknown feature 'petl' (did you mean 'petal'?); expected [petal, colour],"
                        + " missing [petal]");
    }

    @Test
    void aPixelModelRefusesRawPixelsNamingTheInstanceIndexValueRangeAndTheDivisionByTwoHundredFiftyFive() throws Exception {
        InputSchema pixels = InputSchema.shape(2, 2).withRange(InputRange.PIXELS);
        JsonNode body = JSON.readTree("[[0.5, 1, 0, 0.25], [0, 0, 255, 0]]");

        assertThatThrownBy(() -> new InstanceParser(pixels, 10).parse(body))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("instances[1][2] is 255, outside the model's input range [0, 1];")
                .hasMessageContaining("divide the raw values by 255");
        assertThatThrownBy(() -> new InstanceParser(pixels, 10).parse(JSON.readTree("[[[0, 0], [-3, 0]]]")))
                .isInstanceOf(BadInputException.class).hasMessageStartingWith("instances[0][1][0] is -3, outside");
        assertThat(new InstanceParser(pixels, 10).parse(JSON.readTree("[[0, 1, 0.5, 1.0]]")))
                .isDeepEqualTo(new float[][] {{0, 1, 0.5f, 1}});
    }

    @Test
    void anImageModelRefusesRawPixelsInItsHeightWidthChannelsArrays() throws Exception {
        InputSchema image = InputSchema.image(1, 1, 2).withRange(InputRange.PIXELS);

        assertThatThrownBy(() -> new InstanceParser(image, 10).parse(JSON.readTree("[[[[0.5], [128]]]]")))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("instances[0][0][1][0] is 128, outside the model's input range [0, 1]");
    }

    @Test
    void modelsWithoutARangeTakeAnyNumberAsBefore() throws Exception {
        assertThat(new InstanceParser(InputSchema.shape(2), 10).parse(JSON.readTree("[[255, -40]]")))
                .isDeepEqualTo(new float[][] {{255, -40}});
        assertThat(one("{\"petal\": 1e6, \"colour\": \"red\"}")).containsExactly(1e6f, 0, 0, 1);
    }
}
