package io.tunelab.search.trial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunelab.search.space.InvalidDistributionException;
import org.junit.jupiter.api.Test;

class RangeOptionsTest {

    @Test
    void aLogScaleWithAStepIsRefusedAsTheDistributionsRefuseIt() {
        assertThatThrownBy(() -> new RangeOptions(true, 1.0)).isInstanceOf(InvalidDistributionException.class)
                .hasMessage("log and step cannot be combined, got log=true, step=1.0");
    }

    @Test
    void eachOfLogAndStepAloneStillDescribesItsRange() {
        assertThat(new RangeOptions(true, null).floats(1e-4, 1e-1).log()).isTrue();
        assertThat(new RangeOptions(true, null).ints(16, 512).log()).isTrue();
        assertThat(new RangeOptions(false, 2.0).ints(0, 8).step()).isEqualTo(2);
    }
}
