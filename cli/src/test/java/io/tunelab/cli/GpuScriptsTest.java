package io.tunelab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The launcher builds the GPU variant exactly when {@code nvidia-smi -L} lists a GPU; the GPU check stops without one. */
@Timeout(60)
class GpuScriptsTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    Path bin;

    private record Ran(int code, String out, String err) {
    }

    /** Puts an {@code nvidia-smi} that prints {@code listing} first on the PATH. */
    private void fakeNvidiaSmi(String listing) throws IOException {
        Path smi = bin.resolve("nvidia-smi");
        Files.writeString(smi, "#!/bin/sh\ncat <<'OUT'\n" + listing + "\nOUT\n");
        Files.setPosixFilePermissions(smi, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private Ran run(Map<String, String> env, String... command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(List.of(command)).directory(ROOT.toFile());
        pb.environment().put("PATH", bin + ":/usr/bin:/bin");
        pb.environment().remove("TUNELAB_BUILD");
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Ran(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void withoutAGpuTheGpuCheckStopsAtOnceWithExitTwo() throws Exception {
        Ran none = run(Map.of(), "bash", "scripts/gpu-check.sh");
        assertThat(none.code()).isEqualTo(2);
        assertThat(none.err()).contains("no GPU found");
        assertThat(none.out()).isEmpty();

        fakeNvidiaSmi("No devices were found");
        Ran driverWithoutGpu = run(Map.of(), "bash", "scripts/gpu-check.sh");
        assertThat(driverWithoutGpu.code()).isEqualTo(2);
        assertThat(driverWithoutGpu.err()).contains("no GPU found");
    }

    @Test
    void theLauncherBuildsTheGpuVariantWhenNvidiaSmiListsAGpu() throws Exception {
        fakeNvidiaSmi("GPU 0: Tesla T4 (UUID: GPU-0c5e1a2b-0000-1111-2222-333344445555)");
        Ran gpu = run(Map.of("TUNELAB_DRY_BUILD", "1"), "./tunelab");
        assertThat(gpu.code()).as(gpu.err()).isZero();
        assertThat(gpu.out()).startsWith("gpu: ").contains(" -Pgpu ").endsWith("package\n");
    }

    @Test
    void theLauncherBuildsTheCpuVariantOtherwiseOrAsTold() throws Exception {
        Ran cpu = run(Map.of("TUNELAB_DRY_BUILD", "1"), "./tunelab");
        assertThat(cpu.code()).as(cpu.err()).isZero();
        assertThat(cpu.out()).startsWith("cpu: ").doesNotContain("-Pgpu");

        fakeNvidiaSmi("GPU 0: Tesla T4 (UUID: GPU-1)");
        assertThat(run(Map.of("TUNELAB_DRY_BUILD", "1", "TUNELAB_BUILD", "cpu"), "./tunelab").out()).startsWith("cpu: ");
        Ran bad = run(Map.of("TUNELAB_DRY_BUILD", "1", "TUNELAB_BUILD", "cuda"), "./tunelab");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("TUNELAB_BUILD must be cpu or gpu, got 'cuda'");
    }
}
