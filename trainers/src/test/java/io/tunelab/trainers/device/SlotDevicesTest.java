package io.tunelab.trainers.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import io.tunelab.search.exec.Slot;
import io.tunelab.search.exec.SlotPool;
import io.tunelab.search.study.OptimizeOptions;
import io.tunelab.search.study.Study;
import io.tunelab.search.trial.FixedTrial;
import io.tunelab.trainers.TrainersException;
import io.tunelab.trainers.testing.TestStudies;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SlotDevicesTest {
    private static final long GIB = 1L << 30;
    private final SlotDevices fourGpus = new SlotDevices(FixedDeviceInventory.withIdenticalGpus(16, 4, "NVIDIA L4", 24 * GIB));
    private final SlotDevices cpuOnly = new SlotDevices(FixedDeviceInventory.cpuOnly(2));

    @Test
    void aGpuSlotMapsToThatGpuWhateverItsLane() {
        assertThat(fourGpus.deviceFor(Slot.gpu(0))).isEqualTo(Device.gpu(0));
        assertThat(fourGpus.deviceFor(Slot.gpu(3))).isEqualTo(Device.gpu(3));
        assertThat(fourGpus.deviceFor(Slot.parse("gpu:2/1"))).isEqualTo(Device.gpu(2));
    }

    @Test
    void cpuAndOtherSlotsMapToTheCpuWhateverTheirIndex() {
        assertThat(fourGpus.deviceFor(Slot.cpu(1))).isEqualTo(Device.cpu());
        assertThat(cpuOnly.deviceFor(Slot.parse("worker:7"))).isEqualTo(Device.cpu());
    }

    @Test
    void aTrialsDeviceIsTheDeviceOfTheSlotItHolds() {
        FixedTrial onGpu = new FixedTrial(Map.of(), 0, Slot.gpu(1).withLane(1), 7);
        assertThat(fourGpus.deviceFor(onGpu)).isEqualTo(Device.gpu(1));
        assertThat(cpuOnly.deviceFor(new FixedTrial(Map.of(), 0, Slot.cpu(1), 7))).isEqualTo(Device.cpu());
    }

    @Test
    void aJavaApiObjectiveTrainsOnTheGpuOfTheSlotItsTrialHolds() {
        Study study = TestStudies.maximizing("java-api");
        study.optimize(trial -> {
            trial.setUserAttr("trained_on", fourGpus.deviceFor(trial).toString());
            return trial.suggestFloat("x", 0, 1);
        }, OptimizeOptions.trials(8).withSlots(SlotPool.parse("gpu:0,gpu:1,gpu:2,gpu:3")));

        assertThat(study.trials()).hasSize(8).allSatisfy(t -> assertThat(t.userAttrs().get("trained_on"))
                .isEqualTo(Device.gpu(Slot.parse((String) t.systemAttrs().get("slot")).index()).toString()));
    }

    @Test
    void aGpuTheMachineLacksIsRejectedListingTheGpusFound() {
        assertThatThrownBy(() -> fourGpus.deviceFor(Slot.gpu(4))).isInstanceOf(TrainersException.class)
                .hasMessageStartingWith("slot gpu:4 names GPU 4, which this machine does not have; GPUs found: gpu:0 NVIDIA L4")
                .hasMessageContaining("gpu:3 NVIDIA L4 (24.0 GiB, 24.0 GiB free)");
        assertThatThrownBy(() -> cpuOnly.deviceFor(Slot.gpu(0))).isInstanceOf(TrainersException.class)
                .hasMessageEndingWith("GPUs found: none");
    }

    @Test
    void onTheCpuBuildWithGpusVisibleTheMessageSaysHowToGetTheGpuBuild() {
        DeviceInventory cpuBuildOnGpuMachine = new FixedDeviceInventory(8, FixedDeviceInventory.CPU_BUILD, List.of(),
                List.of("NVIDIA A100-SXM4-40GB"));
        assertThat(SlotDevices.missing(Slot.gpu(0), cpuBuildOnGpuMachine))
                .contains("CPU build of PyTorch while nvidia-smi lists 1 GPU(s)").contains("-Pgpu");
    }

    @Test
    void provenanceOfAGpuSlotNamesTheGpuAndItsMemory() {
        assertThat(fourGpus.describe(Slot.gpu(2).withLane(1))).containsExactly(
                Map.entry("slot", "gpu:2/1"), Map.entry("device", "gpu(2)"), Map.entry("gpu_index", 2),
                Map.entry("gpu_name", "NVIDIA L4"), Map.entry("gpu_memory_bytes", 24 * GIB),
                Map.entry("engine", "PyTorch 2.5.1 (CUDA build cu124)"));
        assertThat(cpuOnly.describe(Slot.cpu(0))).containsOnlyKeys("slot", "device", "engine")
                .containsEntry("device", "cpu()");
    }

    @Test
    void theEngineInventoryOfThisCpuBuildHasNoGpuAndSaysSo() {
        DeviceInventory engine = DeviceInventory.engine();
        assertThat(engine.gpuCount()).isZero();
        assertThat(engine.build().engine()).isEqualTo("PyTorch");
        assertThat(engine.build().version()).isEqualTo("2.5.1");
        assertThat(engine.build().flavor()).isEqualTo("cpu");
        assertThat(engine.cpuCores()).isEqualTo(Runtime.getRuntime().availableProcessors());
    }
}
