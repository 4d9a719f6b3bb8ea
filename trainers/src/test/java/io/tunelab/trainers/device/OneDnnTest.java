package io.tunelab.trainers.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.pytorch.jni.LibUtils;
import io.tunelab.trainers.TrainersException;
import io.tunelab.trainers.device.OneDnn.Mode;
import org.junit.jupiter.api.Test;

class OneDnnTest {
    @Test
    void theModeIsAutoUnlessTheUserNamesAnother() {
        assertThat(OneDnn.mode(null)).isEqualTo(Mode.AUTO);
        assertThat(OneDnn.mode(" ")).isEqualTo(Mode.AUTO);
        assertThat(OneDnn.mode("Off")).isEqualTo(Mode.OFF);
        assertThat(OneDnn.mode("on")).isEqualTo(Mode.ON);
    }

    @Test
    void anUnknownValueNamesThePropertyAndWhatIsExpected() {
        assertThatThrownBy(() -> OneDnn.mode("avx2")).isInstanceOf(TrainersException.class)
                .hasMessageContaining(OneDnn.PROPERTY).hasMessageContaining("'avx2'").hasMessageContaining("'auto', 'on' or 'off'");
    }

    @Test
    void automaticallyOnlyAConvolutionNarrowerThanSixteenChannelsSwitchesOneDnnOff() {
        assertThat(OneDnn.needsOff(Mode.AUTO, 4)).isTrue();
        assertThat(OneDnn.needsOff(Mode.AUTO, 15)).isTrue();
        assertThat(OneDnn.needsOff(Mode.AUTO, 16)).isFalse();
        assertThat(OneDnn.needsOff(Mode.AUTO, Integer.MAX_VALUE)).isFalse();
        assertThat(OneDnn.needsOff(Mode.ON, 4)).isFalse();
        assertThat(OneDnn.needsOff(Mode.OFF, Integer.MAX_VALUE)).isTrue();
    }

    @Test
    void onceANarrowNetworkIsPreparedPyTorchItselfReportsOneDnnOff() {
        PyTorchNatives.prepareConvolutions(4, "cnn of 4 filters");

        OneDnn.Decision now = PyTorchNatives.oneDnn();
        if (System.getProperty(OneDnn.PROPERTY) == null) {
            assertThat(now.enabled()).as(now.reason()).isFalse();
            assertThat(OneDnn.enabledInPyTorch(LibUtils.getLibtorchPath())).isFalse();
        }
    }
}
