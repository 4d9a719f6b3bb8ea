package io.tunelab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.cli.wiring.ForwardingTrainerFactory;
import io.tunelab.cli.wiring.TribuoTrainers;
import io.tunelab.search.storage.InMemoryStorage;
import io.tunelab.search.study.Objective;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.TrialState;
import io.tunelab.spec.StudySpec;
import io.tunelab.trainers.device.DeviceInventory;
import io.tunelab.trainers.device.FixedDeviceInventory;
import io.tunelab.trainers.device.GpuInfo;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code tunelab devices} and the dispatch of a study's trials to the devices of fake inventories. */
@Timeout(120)
class DevicesAndDispatchTest {
    private static final long GIB = 1L << 30;

    /** Trains Tribuo's CART, counting the trials started and the slots they held. */
    private static final class CountingTrainers extends ForwardingTrainerFactory {
        final AtomicInteger started = new AtomicInteger();
        final Set<String> slots = ConcurrentHashMap.newKeySet();

        CountingTrainers() {
            super(new TribuoTrainers());
        }

        @Override
        public Objective create(StudySpec spec) {
            Objective real = delegate.create(spec);
            return trial -> {
                started.incrementAndGet();
                slots.add(trial.slot().id());
                return real.evaluate(trial);
            };
        }
    }

    private static Path studyFile(Path dir, String parallel) throws Exception {
        return CartStudyFile.named("cart").trials(6).parallel(parallel).samples(200).writeTo(dir);
    }

    @Test
    void aListedGpuTheMachineLacksStopsTheRunWithExitTwoBeforeAnyTrial(@TempDir Path dir) throws Exception {
        InMemoryStorage storage = new InMemoryStorage();
        CountingTrainers trainers = new CountingTrainers();
        DeviceInventory oneGpu = FixedDeviceInventory.withGpus(8, new GpuInfo(0, "Tesla T4", 16 * GIB, 16 * GIB));

        CliRun r = CliRun.of(CliRun.wiring(oneGpu, storage, trainers), "run", studyFile(dir, "{devices: [gpu:0, gpu:1]}").toString());

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("slot gpu:1 names GPU 1, which this machine does not have")
                .contains("GPUs found: gpu:0 Tesla T4 (16.0 GiB, 16.0 GiB free)").doesNotContain("Exception");
        assertThat(trainers.started).hasValue(0);
        assertThat(storage.findStudy("cart")).isEmpty();
    }

    @Test
    void autoWithTwoTrialsPerGpuRunsTheTrialsOnEveryLaneOfTheGpusFound(@TempDir Path dir) throws Exception {
        InMemoryStorage storage = new InMemoryStorage();
        CountingTrainers trainers = new CountingTrainers();
        DeviceInventory twoGpus = FixedDeviceInventory.withIdenticalGpus(4, 2, "NVIDIA L4", 24 * GIB);

        CliRun r = CliRun.of(CliRun.wiring(twoGpus, storage, trainers), "run",
                studyFile(dir, "{devices: auto, trials_per_gpu: 2}").toString());

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("on [gpu:0, gpu:1, gpu:0/1, gpu:1/1]");
        assertThat(trainers.started).hasValue(6);
        assertThat(trainers.slots).isNotEmpty().isSubsetOf("gpu:0", "gpu:1", "gpu:0/1", "gpu:1/1");
        List<FrozenTrial> trials = storage.trials(storage.findStudy("cart").orElseThrow().id(), EnumSet.allOf(TrialState.class));
        assertThat(trials).hasSize(6).allSatisfy(t -> assertThat((String) t.systemAttrs().get("slot")).startsWith("gpu:"));
    }

    @Test
    void devicesListsTheCoresEachGpuWithItsMemoryAndTheBuild() {
        DeviceInventory fourGpus = FixedDeviceInventory.withIdenticalGpus(32, 4, "NVIDIA L4", 24 * GIB);

        CliRun r = CliRun.of(CliRun.wiring(fourGpus, new InMemoryStorage(), new CountingTrainers()), "devices");

        assertThat(r.code()).isZero();
        assertThat(r.out().lines()).containsExactly(
                "CPU:    32 cores",
                "Engine: PyTorch 2.5.1 (CUDA build cu124)",
                "GPUs:   4",
                "  gpu:0 NVIDIA L4 (24.0 GiB, 24.0 GiB free)",
                "  gpu:1 NVIDIA L4 (24.0 GiB, 24.0 GiB free)",
                "  gpu:2 NVIDIA L4 (24.0 GiB, 24.0 GiB free)",
                "  gpu:3 NVIDIA L4 (24.0 GiB, 24.0 GiB free)");
    }

    @Test
    void onTheCpuBuildWithGpusVisibleDevicesSaysHowToGetTheGpuBuild() {
        DeviceInventory cpuBuild = new FixedDeviceInventory(8, FixedDeviceInventory.CPU_BUILD, List.of(),
                List.of("NVIDIA A100-SXM4-40GB", "NVIDIA A100-SXM4-40GB"));

        CliRun r = CliRun.of(CliRun.wiring(cpuBuild, new InMemoryStorage(), new CountingTrainers()), "devices");

        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Engine: PyTorch 2.5.1 (CPU build)").contains("GPUs:   none the engine can use")
                .contains("nvidia-smi lists 2 GPU(s): NVIDIA A100-SXM4-40GB, NVIDIA A100-SXM4-40GB.")
                .contains("mvn -B -ntp -Pgpu -DskipTests package");
    }

    @Test
    void onThisMachineDevicesShowsTheCpuBuildAndNoGpu() {
        CliRun r = CliRun.of(new DefaultWiring(), "devices");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("CPU:    " + Runtime.getRuntime().availableProcessors() + " core")
                .contains("Engine: PyTorch 2.5.1 (CPU build)").contains("GPUs:   none the engine can use")
                .doesNotContain("nvidia-smi lists");
    }
}
