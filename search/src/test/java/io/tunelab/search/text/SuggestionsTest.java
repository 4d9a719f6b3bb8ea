package io.tunelab.search.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {
    private static final List<String> TAGS = List.of("accuracy", "loss", "objective", "val_accuracy", "val_loss");

    @Test
    void aTypoSuggestsTheNearestName() {
        assertThat(Suggestions.didYouMean("val_acuracy", TAGS)).isEqualTo(" (did you mean 'val_accuracy'?)");
    }

    @Test
    void anAbbreviationSuggestsTheNameItStartsAsKerasOldValAccForValAccuracy() {
        assertThat(Suggestions.didYouMean("val_acc", TAGS)).isEqualTo(" (did you mean 'val_accuracy'?)");
        assertThat(Suggestions.closest("VAL_ACC", List.of("val_accuracy_top5", "val_accuracy"))).contains("val_accuracy");
    }

    @Test
    void anAbbreviationOfTwoNamesAlikeOrTooShortSuggestsNothing() {
        assertThat(Suggestions.closest("val_", List.of("val_loss", "val_mae1"))).isEmpty();
        assertThat(Suggestions.closest("va", List.of("val_accuracy"))).isEmpty();
        assertThat(Suggestions.didYouMean("precision", TAGS)).isEmpty();
    }
}
