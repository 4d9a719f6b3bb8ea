package io.tunelab.trainers.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import io.tunelab.search.exec.Slot;
import io.tunelab.trainers.TrainersException;
import org.junit.jupiter.api.Test;

class SlotDevicesTest {
    private final SlotDevices fourGpus = new SlotDevices(() -> 4);
    private final SlotDevices cpuOnly = new SlotDevices(() -> 0);

    @Test
    void aGpuSlotMapsToThatGpu() {
        assertThat(fourGpus.deviceFor(Slot.gpu(0))).isEqualTo(Device.gpu(0));
        assertThat(fourGpus.deviceFor(Slot.gpu(3))).isEqualTo(Device.gpu(3));
    }

    @Test
    void cpuAndOtherSlotsMapToTheCpuWhateverTheirIndex() {
        assertThat(fourGpus.deviceFor(Slot.cpu(1))).isEqualTo(Device.cpu());
        assertThat(cpuOnly.deviceFor(Slot.parse("worker:7"))).isEqualTo(Device.cpu());
    }

    @Test
    void aGpuTheMachineLacksIsRejectedWithTheRangeItHas() {
        assertThatThrownBy(() -> fourGpus.deviceFor(Slot.gpu(4))).isInstanceOf(TrainersException.class)
                .hasMessage("slot gpu:4 asks for GPU 4 but this machine has 4 GPU(s), numbered 0 to 3");
        assertThatThrownBy(() -> cpuOnly.deviceFor(Slot.gpu(0))).isInstanceOf(TrainersException.class)
                .hasMessageContaining("has no GPU").hasMessageContaining("-Pgpu");
    }

    @Test
    void theEngineInventoryOfThisCpuBuildHasNoGpu() {
        assertThat(DeviceInventory.engine().gpuCount()).isZero();
    }
}
