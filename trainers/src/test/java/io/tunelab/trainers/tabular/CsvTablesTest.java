package io.tunelab.trainers.tabular;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunelab.trainers.TrainersException;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvTablesTest {

    private static Table parse(String csv, CsvOptions options) throws IOException {
        return CsvTables.parse("test.csv", new StringReader(csv), options);
    }

    @Test
    void numericColumnsAreNumbersAndTextColumnsAreCategorical() throws IOException {
        Table t = parse("age,colour,label\n30,red,yes\n41.5,blue,no\n", CsvOptions.classification("label"));

        assertThat(t.columnNames()).containsExactly("age", "colour");
        assertThat(t.kind(0)).isEqualTo(ColumnKind.NUMERIC);
        assertThat(t.kind(1)).isEqualTo(ColumnKind.CATEGORICAL);
        assertThat(t.number(0, 1)).isEqualTo(41.5);
        assertThat(t.category(1, 0)).isEqualTo("red");
    }

    @Test
    void classesAreIndexedInSortedNameOrder() throws IOException {
        Table t = parse("x,label\n1,yes\n2,no\n3,maybe\n4,yes\n", CsvOptions.classification("label"));

        assertThat(t.classes()).containsExactly("maybe", "no", "yes");
        assertThat(t.labels()).containsExactly(2, 1, 0, 2);
        assertThat(t.task()).isEqualTo(Task.CLASSIFICATION);
    }

    @Test
    void quotedFieldsMayHoldDelimitersQuotesAndLineBreaks() throws IOException {
        Table t = parse("name,y\r\n\"Smith, \"\"Jr\"\"\",1\r\n\"two\nlines\",2\r\n", CsvOptions.regression("y"));

        assertThat(t.category(0, 0)).isEqualTo("Smith, \"Jr\"");
        assertThat(t.category(0, 1)).isEqualTo("two\nlines");
        assertThat(t.targets()).containsExactly(1.0, 2.0);
    }

    @Test
    void missingCellsAreNaNOrNull() throws IOException {
        Table t = parse("x,c,y\n1,a,1\nNA,,2\n?,b,3\n", CsvOptions.regression("y"));

        assertThat(t.kind(0)).isEqualTo(ColumnKind.NUMERIC);
        assertThat(t.number(0, 1)).isNaN();
        assertThat(t.number(0, 2)).isNaN();
        assertThat(t.category(1, 1)).isNull();
    }

    @Test
    void pandasDefaultMissingMarksAreMissingToo() throws IOException {
        Table t = parse("x,c,y\n1,a,1\nn/a,N/A,2\nN/A,null,3\nnull,NULL,4\nNULL,None,5\nNone,n/a,6\n",
                CsvOptions.regression("y").withStrictNumeric(true).withCategorical("c"));

        assertThat(t.kind(0)).isEqualTo(ColumnKind.NUMERIC);
        for (int r = 1; r < 6; r++) {
            assertThat(t.number(0, r)).isNaN();
            assertThat(t.category(1, r)).isNull();
        }
        assertThat(CsvTables.missingTokens()).isEqualTo("empty, NA, N/A, n/a, NaN, nan, NULL, null, None, ?");
    }

    @Test
    void aNumericLookingColumnCanBeForcedCategorical() throws IOException {
        Table t = parse("zip,y\n75001,1\n10115,2\n", CsvOptions.regression("y").withCategorical("zip"));

        assertThat(t.kind(0)).isEqualTo(ColumnKind.CATEGORICAL);
        assertThat(t.category(0, 1)).isEqualTo("10115");
    }

    @Test
    void otherDelimitersAndBlankLinesAreAccepted() throws IOException {
        Table t = parse("a;y\n\n1;2\n\n3;4\n", CsvOptions.regression("y").withDelimiter(';'));

        assertThat(t.rowCount()).isEqualTo(2);
        assertThat(t.number(0, 1)).isEqualTo(3.0);
    }

    @Test
    void readsAFileNamedAfterItself(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("houses.csv");
        Files.writeString(file, "rooms,price\n3,100\n4,150\n");

        Table t = CsvTables.read(file, CsvOptions.regression("price"));

        assertThat(t.name()).isEqualTo("houses.csv");
        assertThat(t.targetName()).isEqualTo("price");
        assertThat(t.targets()).containsExactly(100.0, 150.0);
    }

    @Test
    void aMissingTargetColumnIsNamedInTheError() {
        assertThatThrownBy(() -> parse("a,b\n1,2\n", CsvOptions.classification("label")))
                .isInstanceOf(TrainersException.class)
                .hasMessageContaining("no target column 'label'")
                .hasMessageContaining("[a, b]");
    }

    @Test
    void aRecordWithTheWrongFieldCountIsRejected() {
        assertThatThrownBy(() -> parse("a,y\n1,2\n3\n", CsvOptions.regression("y")))
                .isInstanceOf(TrainersException.class)
                .hasMessageContaining("record 3 has 1 fields, but the header has 2");
    }

    @Test
    void anUnterminatedQuoteIsRejected() {
        assertThatThrownBy(() -> parse("a,y\n\"open,1\n", CsvOptions.regression("y")))
                .isInstanceOf(TrainersException.class)
                .hasMessageContaining("line 2");
    }

    @Test
    void aTextualRegressionTargetIsRejected() {
        assertThatThrownBy(() -> parse("a,y\n1,high\n", CsvOptions.regression("y")))
                .isInstanceOf(TrainersException.class)
                .hasMessageContaining("'high'");
    }

    @Test
    void anUnknownCategoricalColumnIsRejected() {
        assertThatThrownBy(() -> parse("a,y\n1,2\n", CsvOptions.regression("y").withCategorical("b")))
                .isInstanceOf(TrainersException.class)
                .hasMessageContaining("[b]");
    }

    @Test
    void selectKeepsTheFullClassList() throws IOException {
        Table t = parse("x,label\n1,a\n2,b\n3,c\n", CsvOptions.classification("label"));

        Table sub = t.select(new int[] {2, 2});

        assertThat(sub.classes()).isEqualTo(List.of("a", "b", "c"));
        assertThat(sub.labels()).containsExactly(2, 2);
        assertThat(sub.number(0, 0)).isEqualTo(3.0);
    }
}
