package io.tunelab.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunelab.trainers.predict.InputRange;
import io.tunelab.trainers.predict.InputSchema;
import java.io.IOException;
import java.io.StringReader;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A CSV table for {@code tunelab predict} is checked as a {@code POST /predict} body is: a pixel model refuses raw 0-255
 * values, naming the cell by its line and column as the file has it.
 */
class CsvInstancesTest {
    private static final InputSchema PIXELS = InputSchema.shape(2, 2).withRange(InputRange.PIXELS);

    private static float[][] rows(String csv) throws IOException {
        return CsvInstances.read(new StringReader(csv)).rows(PIXELS, Set.of());
    }

    @Test
    void aPixelModelRefusesARawPixelNamingItsLineColumnValueRangeAndTheDivisionBy255() {
        assertThatThrownBy(() -> rows("p0,p1,p2,p3\n0.5,1,0,0.25\n0,0,255,0\n"))
                .isInstanceOf(BadInputException.class)
                .hasMessage("line 3, column 3 is 255, outside the model's input range [0, 1]; the model's inputs were divided"
                        + " by 255 in training: divide the raw values by 255 (e.g. 0-255 pixels to [0, 1])");
    }

    @Test
    void scaledPixelsAreRead() throws IOException {
        assertThat(rows("p0,p1,p2,p3\n0.5,1,0,0.25\n")).isDeepEqualTo(new float[][] {{0.5f, 1, 0, 0.25f}});
    }
}
