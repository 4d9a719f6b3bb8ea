package io.tunelab.bench.bbob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunelab.search.SearchException;
import org.junit.jupiter.api.Test;

class NumberListTest {

    @Test
    void listsAndRangesExpandInOrder() {
        assertThat(NumberList.parse("2,5,10", "--dims")).containsExactly(2, 5, 10);
        assertThat(NumberList.parse("1-3, 7", "--functions")).containsExactly(1, 2, 3, 7);
        assertThat(NumberList.parse("4-4", "--instances")).containsExactly(4);
    }

    @Test
    void textAndBackwardRangesAreRejectedNamingTheOptionAndValue() {
        assertThatThrownBy(() -> NumberList.parse("1-x", "--functions")).isInstanceOf(SearchException.class)
                .hasMessageContaining("--functions").hasMessageContaining("'1-x'");
        assertThatThrownBy(() -> NumberList.parse("5-1", "--instances")).isInstanceOf(SearchException.class)
                .hasMessageContaining("'5-1' runs backwards");
    }
}
