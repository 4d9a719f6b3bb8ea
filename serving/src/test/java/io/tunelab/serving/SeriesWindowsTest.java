package io.tunelab.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunelab.trainers.predict.InputSchema;
import io.tunelab.trainers.predict.SeriesLayout;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A series model takes the rows of its training file as Keras's {@code model.predict(series[-n_steps:])} does: the
 * header naming the series' columns, one row per time step, the dropped date ignored.
 */
class SeriesWindowsTest {
    /** A window of 3 steps of [value, temp], trained on date,temp,value with the date dropped. */
    private static final InputSchema MODEL = InputSchema.shape(3, 2)
            .withSeries(new SeriesLayout(List.of("value", "temp"), List.of("date")));
    private static final String SERIES = "date,temp,value\n2020-01-01,10,1\n2020-01-02,20,2\n2020-01-03,30,3\n"
            + "2020-01-04,40,4\n";

    private static CsvInstances csv(String text) throws IOException {
        return CsvInstances.read(new StringReader(text));
    }

    @Test
    void theLastNStepsRowsOfTheTrainingLayoutAreOneWindowTargetFirstAndTheDateIgnored() throws IOException {
        CsvInstances series = csv(SERIES);

        assertThat(series.rows(MODEL, Set.of("value"))).isDeepEqualTo(new float[][] {{2, 20, 3, 30, 4, 40}});
        assertThat(series.predictedRows(MODEL, false)).as("the forecast follows the last row").containsExactly(3);
    }

    @Test
    void everyWindowIsForecastWhenAskedEachAfterItsLastRow() throws IOException {
        CsvInstances series = csv(SERIES);

        assertThat(series.rows(MODEL, Set.of(), true)).isDeepEqualTo(new float[][] {{1, 10, 2, 20, 3, 30}, {2, 20, 3, 30, 4, 40}});
        assertThat(series.predictedRows(MODEL, true)).containsExactly(2, 3);
    }

    @Test
    void fewerRowsThanTheWindowAreRefusedNamingTheColumnsAndNSteps() {
        assertThatThrownBy(() -> csv("date,temp,value\n2020-01-01,10,1\n2020-01-02,20,2\n").rows(MODEL, Set.of()))
                .isInstanceOf(BadInputException.class)
                .hasMessage("expected at least 3 rows of 'value', 'temp' (the model's window, n_steps: 3); got 2");
    }

    @Test
    void aMissingSeriesColumnOrCellIsNamed() {
        assertThatThrownBy(() -> csv("date,value\n1,1\n2,2\n3,3\n").rows(MODEL, Set.of()))
                .isInstanceOf(BadInputException.class)
                .hasMessage("the header lacks the series column 'temp' the model needs (it has date, value); a step of the"
                        + " series is 'value', 'temp'");
        assertThatThrownBy(() -> csv(SERIES.replace("30,3", "30,")).rows(MODEL, Set.of()))
                .isInstanceOf(BadInputException.class)
                .hasMessage("line 4, column 'value' is missing; a series needs a number at every step, as in training");
    }

    @Test
    void jsonRowsInTheTrainingLayoutAreWindowsAsTheCsvsAreTheirDroppedColumnsIgnored() throws Exception {
        com.fasterxml.jackson.databind.JsonNode records = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                "[{\"date\": \"2020-01-01\", \"temp\": 10, \"value\": 1}, {\"temp\": 20, \"value\": 2},"
                        + " {\"value\": 3, \"temp\": 30}, {\"temp\": 40, \"value\": \"4\"}]");
        Instances rows = new Instances(records, r -> "dataframe_records[" + r + "]");

        assertThat(SeriesWindows.applies(rows, MODEL)).isTrue();
        assertThat(SeriesWindows.applies(rows, InputSchema.shape(3, 2))).as("a model saved without its layout").isFalse();
        Instances all = SeriesWindows.of(rows, MODEL, true);
        assertThat(all.array().toString()).isEqualTo("[[1.0,10.0,2.0,20.0,3.0,30.0],[2.0,20.0,3.0,30.0,4.0,40.0]]");
        assertThat(all.names().apply(1)).isEqualTo("the window of dataframe_records[1] to dataframe_records[3]");
        assertThat(SeriesWindows.of(rows, MODEL, false).array().toString()).isEqualTo("[[2.0,20.0,3.0,30.0,4.0,40.0]]");
    }

    @Test
    void aJsonRowLackingASeriesColumnIsNamed() throws Exception {
        com.fasterxml.jackson.databind.JsonNode records = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                "[{\"temp\": 10, \"value\": 1}, {\"value\": 2}, {\"temp\": 30, \"value\": 3}]");

        assertThatThrownBy(() -> SeriesWindows.of(new Instances(records, r -> "dataframe_records[" + r + "]"), MODEL, false))
                .isInstanceOf(BadInputException.class)
                .hasMessage("dataframe_records[1].temp is missing; a series needs a number at every step, as in training");
    }

    @Test
    void oneWindowPerRowStillWorksAndSoDoesAModelSavedWithoutItsLayout() throws IOException {
        CsvInstances flat = csv("x1,x2,x3,x4,x5,x6\n1,10,2,20,3,30\n");

        assertThat(flat.rows(MODEL, Set.of())).isDeepEqualTo(new float[][] {{1, 10, 2, 20, 3, 30}});
        assertThat(flat.predictedRows(MODEL, false)).containsExactly(0);
        assertThat(flat.rows(InputSchema.shape(3, 2), Set.of())).isDeepEqualTo(new float[][] {{1, 10, 2, 20, 3, 30}});
    }
}
