package io.tunelab.trainers.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunelab.trainers.TrainersException;
import org.junit.jupiter.api.Test;

class CpuThreadsTest {
    @Test
    void parallelTrialsShareTheCoresAndNeverGetLessThanOne() {
        assertThat(CpuThreads.perTrial(8, 1)).isEqualTo(8);
        assertThat(CpuThreads.perTrial(8, 4)).isEqualTo(2);
        assertThat(CpuThreads.perTrial(2, 2)).isEqualTo(1);
        assertThat(CpuThreads.perTrial(2, 5)).isEqualTo(1);
    }

    @Test
    void theTestRunConfiguresOneIntraOpThread() {
        assertThat(System.getProperty("ai.djl.pytorch.num_threads")).isEqualTo("1");
        assertThat(CpuThreads.intraOp()).isEqualTo(1);
    }

    @Test
    void rejectsZeroThreads() {
        assertThatThrownBy(() -> CpuThreads.setIntraOp(0)).isInstanceOf(TrainersException.class);
    }
}
