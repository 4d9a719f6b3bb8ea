package io.tunelab.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunelab.cli.run.SlotPlan;
import io.tunelab.search.exec.Slot;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The slots of a task come from the resources Spark assigned it (injected here: this machine has no GPU). */
class TaskSlotsTest {
    @Test
    void eachAssignedGpuAddressBecomesAGpuSlot() {
        SlotPlan plan = TaskSlots.plan(Map.of("gpu", new String[] {"3", "1"}), 4);
        assertThat(plan.slots().slots()).containsExactly(Slot.gpu(3), Slot.gpu(1));
        assertThat(plan.cpuThreadsPerTrial()).as("the task's cores shared by its GPU trials").isEqualTo(2);
    }

    @Test
    void withoutGpusATaskHasOneCpuSlotWithItsTaskCpusAsThreads() {
        SlotPlan plan = TaskSlots.plan(Map.of("fpga", new String[] {"0"}), 3);
        assertThat(plan.slots().slots()).containsExactly(Slot.cpu(0));
        assertThat(plan.cpuThreadsPerTrial()).isEqualTo(3);
    }

    @Test
    void aGpuAddressThatIsNotAnIndexIsNamedInTheError() {
        assertThatThrownBy(() -> TaskSlots.plan(Map.of("gpu", new String[] {"GPU-5d1c"}), 1))
                .isInstanceOf(SparkStudyException.class)
                .hasMessageContaining("spark.task.resource.gpu").hasMessageContaining("'GPU-5d1c'");
    }
}
