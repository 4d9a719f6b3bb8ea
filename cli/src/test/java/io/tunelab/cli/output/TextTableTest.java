package io.tunelab.cli.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

class TextTableTest {
    private static final TextTable TABLE = new TextTable(List.of("name", "value", "note"),
            List.of(List.of("lr", 0.5, "x"), Arrays.asList("momentum", 12, null)));

    private static String printed(BiConsumer<PrintWriter, String> print) {
        StringWriter text = new StringWriter();
        try (PrintWriter out = new PrintWriter(text)) {
            print.accept(out, "  ");
        }
        return text.toString().replace(System.lineSeparator(), "\n");
    }

    @Test
    void aColumnOfFractionsHasOneFormatAndOtherColumnsKeepTheirs() {
        TextTable t = new TextTable(List.of("trial", "value", "lr"), List.of(
                Arrays.asList(0, 0.489, 3e-5), Arrays.asList(1, 0.50944, 0.01), Arrays.asList(2, null, 0.1)));

        assertThat(t.text()).isEqualTo("""
                trial  value    lr
                -----  -------  -----------
                    0  0.48900  3.00000e-05
                    1  0.50944         0.01
                    2                   0.1
                """);
        assertThat(t.render(Format.CSV)).contains("0,0.489,").contains("1,0.50944,");
        assertThat(Numbers.count(1, "epoch") + ", " + Numbers.count(2, "epoch")).isEqualTo("1 epoch, 2 epochs");
    }

    @Test
    void aFractionAlignedToMoreDecimalsShowsItsOwnDigitsNotZeros() {
        TextTable t = new TextTable(List.of("param", "importance"), List.of(
                Arrays.asList("max_depth", 0.8498522245385525), Arrays.asList("impurity", 0.009954400438300636)));

        assertThat(t.text()).contains("max_depth   0.8498522").contains("impurity    0.0099544");
    }

    @Test
    void textHasARuleUnderTheHeaderRightAlignsNumbersAndTrimsTrailingSpaces() {
        assertThat(TABLE.text()).isEqualTo("""
                name      value  note
                --------  -----  ----
                lr          0.5  x
                momentum     12
                """);
    }

    @Test
    void aCellWithLineBreaksKeepsToItsRowInATableAndKeepsThemInCsv() {
        TextTable t = new TextTable(List.of("trial", "message"), List.of(List.of(0, "first line\nsecond\tpart")));

        assertThat(t.text()).isEqualTo("""
                trial  message
                -----  ------------------------
                    0  first line\\nsecond\\tpart
                """);
        assertThat(t.csv()).contains("\"first line\nsecond\tpart\"");
    }

    @Test
    void aPrintedListingIsIndentedAndHasNoRule() {
        assertThat(printed(TABLE::print)).isEqualTo("""
                  name      value  note
                  lr          0.5  x
                  momentum     12
                """);
    }

    @Test
    void printedRowsLeaveTheHeaderOut() {
        TextTable pairs = new TextTable(List.of("", ""), List.of(List.of("sampler", "tpe"), List.of("budget", "")));
        assertThat(printed(pairs::printRows)).isEqualTo("""
                  sampler  tpe
                  budget
                """);
    }

    @Test
    void csvQuotesCellsWithCommasAndJsonKeepsNumbers() {
        TextTable t = new TextTable(List.of("a", "b"), List.of(List.of("x,y", 2)));
        assertThat(t.render(Format.CSV)).isEqualTo("a,b\n\"x,y\",2\n");
        assertThat(t.render(Format.JSON)).contains("\"a\" : \"x,y\"", "\"b\" : 2");
    }

    @Test
    void aRowOfTheWrongLengthIsRejected() {
        assertThatThrownBy(() -> new TextTable(List.of("a", "b"), List.of(List.of("only"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 cells for 2 columns");
    }

    @Test
    void aCellShowsItsTextInTheTableAndCsvAndItsValueInJsonAndCsvHeadsTheColumnWithItsKey() {
        TextTable t = new TextTable(List.of("", "directions"),
                List.of(List.of(new TextTable.Cell("*", true), new TextTable.Cell("[minimize]", List.of("minimize")))),
                List.of("differs", "directions"));

        assertThat(t.csv()).isEqualTo("differs,directions\n*,[minimize]\n");
        assertThat(t.text()).contains("*  [minimize]");
        assertThat(t.json().replaceAll("\\s", "")).isEqualTo("[{\"differs\":true,\"directions\":[\"minimize\"]}]");
    }
}
