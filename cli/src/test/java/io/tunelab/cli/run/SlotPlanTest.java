package io.tunelab.cli.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunelab.cli.error.CliException;
import io.tunelab.search.exec.Slot;
import io.tunelab.search.exec.SlotPool;
import io.tunelab.spec.ParallelSpec;
import io.tunelab.spec.ParallelSpec.DeviceMode;
import io.tunelab.trainers.device.DeviceInventory;
import io.tunelab.trainers.device.FixedDeviceInventory;
import io.tunelab.trainers.device.GpuInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlotPlanTest {
    private static final long GIB = 1L << 30;
    private static final DeviceInventory NO_GPU = FixedDeviceInventory.cpuOnly(8);
    private static final DeviceInventory ONE_GPU = FixedDeviceInventory.withGpus(8, new GpuInfo(0, "Tesla T4", 16 * GIB, 15 * GIB));
    private static final DeviceInventory FOUR_GPUS = FixedDeviceInventory.withIdenticalGpus(16, 4, "NVIDIA L4", 24 * GIB);

    private static List<String> ids(SlotPlan plan) {
        return plan.slots().slots().stream().map(Slot::id).toList();
    }

    @Test
    void autoWithoutAGpuRunsOneCpuSlotPerWorkerSharingTheCores() {
        SlotPlan plan = SlotPlan.of(new ParallelSpec(2, DeviceMode.AUTO, List.of()), NO_GPU);
        assertThat(ids(plan)).containsExactly("cpu:0", "cpu:1");
        assertThat(plan.cpuThreadsPerTrial()).isEqualTo(4);
    }

    @Test
    void autoUsesEveryGpuFoundWhateverTheWorkers() {
        assertThat(ids(SlotPlan.of(new ParallelSpec(1, DeviceMode.AUTO, List.of()), ONE_GPU))).containsExactly("gpu:0");
        SlotPlan four = SlotPlan.of(new ParallelSpec(1, DeviceMode.AUTO, List.of()), FOUR_GPUS);
        assertThat(ids(four)).containsExactly("gpu:0", "gpu:1", "gpu:2", "gpu:3");
        assertThat(four.cpuThreadsPerTrial()).isEqualTo(4);
    }

    @Test
    void trialsPerGpuPacksThatManyTrialsOnEachGpuSpreadingOverTheGpusFirst() {
        SlotPlan plan = SlotPlan.of(new ParallelSpec(1, DeviceMode.AUTO, List.of(), 2), FOUR_GPUS);
        assertThat(ids(plan)).containsExactly("gpu:0", "gpu:1", "gpu:2", "gpu:3", "gpu:0/1", "gpu:1/1", "gpu:2/1", "gpu:3/1");
        assertThat(plan.cpuThreadsPerTrial()).isEqualTo(2);
        assertThat(ids(SlotPlan.of(new ParallelSpec(1, DeviceMode.AUTO, List.of(), 3), ONE_GPU)))
                .containsExactly("gpu:0", "gpu:0/1", "gpu:0/2");
    }

    @Test
    void trialsPerGpuDoesNotMultiplyCpuSlots() {
        assertThat(ids(SlotPlan.of(new ParallelSpec(2, DeviceMode.AUTO, List.of(), 3), NO_GPU)))
                .containsExactly("cpu:0", "cpu:1");
    }

    @Test
    void anExplicitListUsesExactlyThoseSlotsPackedWhenAsked() {
        List<Slot> listed = List.of(Slot.gpu(1), Slot.gpu(3));
        assertThat(ids(SlotPlan.of(new ParallelSpec(2, DeviceMode.LIST, listed), FOUR_GPUS))).containsExactly("gpu:1", "gpu:3");
        assertThat(ids(SlotPlan.of(new ParallelSpec(2, DeviceMode.LIST, List.of(Slot.gpu(2), Slot.cpu(0)), 2), FOUR_GPUS)))
                .containsExactly("gpu:2", "cpu:0", "gpu:2/1");
    }

    @Test
    void cpuModeIgnoresTheGpus() {
        assertThat(ids(SlotPlan.of(new ParallelSpec(3, DeviceMode.CPU, List.of()), FOUR_GPUS)))
                .containsExactly("cpu:0", "cpu:1", "cpu:2");
    }

    @Test
    void aListedGpuTheMachineLacksIsInvalidInputNamingTheSlotAndTheGpusFound() {
        ParallelSpec asksForTwo = new ParallelSpec(2, DeviceMode.LIST, List.of(Slot.gpu(0), Slot.gpu(1)));
        assertThatThrownBy(() -> SlotPlan.of(asksForTwo, ONE_GPU)).isInstanceOf(CliException.class)
                .hasMessageStartingWith("parallel.devices: slot gpu:1 names GPU 1, which this machine does not have;"
                        + " GPUs found: gpu:0 Tesla T4 (16.0 GiB, 15.0 GiB free)")
                .hasMessageContaining("tunelab devices");
        assertThatThrownBy(() -> SlotPlan.of(asksForTwo, NO_GPU)).isInstanceOf(CliException.class)
                .hasMessageContaining("slot gpu:0 names GPU 0").hasMessageContaining("GPUs found: none");
    }

    @Test
    void aWorkersSlotListIsCheckedToo() {
        assertThatThrownBy(() -> SlotPlan.of(SlotPool.parse("gpu:0,gpu:4"), FOUR_GPUS, "--slots")).isInstanceOf(CliException.class)
                .hasMessageStartingWith("--slots: slot gpu:4 names GPU 4");
        assertThat(SlotPlan.of(SlotPool.parse("gpu:0,gpu:0/1"), FOUR_GPUS, "--slots").cpuThreadsPerTrial()).isEqualTo(8);
    }
}
