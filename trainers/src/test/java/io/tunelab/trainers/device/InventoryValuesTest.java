package io.tunelab.trainers.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunelab.trainers.TrainersException;
import org.junit.jupiter.api.Test;

class InventoryValuesTest {
    @Test
    void theEngineFlavorIsReadFromTheNativeLibraryPath() {
        assertThat(EngineBuild.flavorOf("/root/.djl.ai/pytorch/2.5.1-20241113-cpu-linux-x86_64")).isEqualTo("cpu");
        assertThat(EngineBuild.flavorOf("/root/.djl.ai/pytorch/2.5.1-20241113-cu124-linux-x86_64")).isEqualTo("cu124");
        assertThat(EngineBuild.flavorOf(null)).isEqualTo("cpu");
        assertThat(new EngineBuild("PyTorch", "2.5.1", "cu124").isCuda()).isTrue();
        assertThat(new EngineBuild("PyTorch", "2.5.1", "cpu").describe()).isEqualTo("PyTorch 2.5.1 (CPU build)");
    }

    @Test
    void nvidiaSmiListingsGiveTheGpuNamesInOrder() {
        String listing = """
                GPU 0: NVIDIA A100-SXM4-40GB (UUID: GPU-5a6b7c8d-0000-1111-2222-333344445555)
                  MIG 1g.5gb      Device  0: (UUID: MIG-0000)
                GPU 1: Tesla T4 (UUID: GPU-aaaa)
                """;
        assertThat(NvidiaSmi.parse(listing)).containsExactly("NVIDIA A100-SXM4-40GB", "Tesla T4");
        assertThat(NvidiaSmi.parse("NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver."))
                .isEmpty();
    }

    @Test
    void withoutTheNvidiaDriverNoGpuIsVisible() {
        assertThat(NvidiaSmi.listGpus()).isEmpty();
    }

    @Test
    void fakeInventoriesOfZeroOneAndFourGpus() {
        assertThat(FixedDeviceInventory.cpuOnly(4).gpuCount()).isZero();
        FixedDeviceInventory one = FixedDeviceInventory.withGpus(8, new GpuInfo(0, "Tesla T4", 16L << 30, 15L << 30));
        assertThat(one.gpuCount()).isEqualTo(1);
        assertThat(one.describeGpus()).isEqualTo("gpu:0 Tesla T4 (16.0 GiB, 15.0 GiB free)");
        assertThat(FixedDeviceInventory.withIdenticalGpus(32, 4, "NVIDIA L4", 24L << 30).gpu(3)).isPresent();
    }

    @Test
    void gpuMemoryMustBeConsistent() {
        assertThatThrownBy(() -> new GpuInfo(0, "x", 10, 11)).isInstanceOf(TrainersException.class)
                .hasMessageContaining("total 10 and free 11");
        assertThat(new GpuInfo(1, "x", 10, -1).describe()).isEqualTo("gpu:1 x (0.0 GiB)");
    }
}
