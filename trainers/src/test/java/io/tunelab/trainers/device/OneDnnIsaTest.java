package io.tunelab.trainers.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OneDnnIsaTest {
    private static final Set<String> AVX512 = Set.of("sse4_2", "avx2", "avx512f", "avx512bw");
    private static final Set<String> AVX2 = Set.of("sse4_2", "avx", "avx2");

    @Test
    void anAvx512CpuIsLimitedToAvx2() {
        assertThat(OneDnnIsa.decide(Map.of(), null, AVX512).isa()).isEqualTo("AVX2");
    }

    @Test
    void anOlderCpuIsLeftAlone() {
        assertThat(OneDnnIsa.decide(Map.of(), null, AVX2).isa()).isNull();
        assertThat(OneDnnIsa.decide(Map.of(), null, Set.of()).isa()).isNull();
    }

    @Test
    void aUsersOwnVariableWinsOverEverything() {
        assertThat(OneDnnIsa.decide(Map.of("ONEDNN_MAX_CPU_ISA", "AVX512_CORE"), "AVX2", AVX512).isa()).isNull();
        OneDnnIsa.Decision legacy = OneDnnIsa.decide(Map.of("DNNL_MAX_CPU_ISA", "SSE41"), null, AVX512);
        assertThat(legacy.isa()).isNull();
        assertThat(legacy.reason()).contains("DNNL_MAX_CPU_ISA=SSE41");
    }

    @Test
    void thePropertyChoosesAnInstructionSetOrLeavesOneDnnAlone() {
        assertThat(OneDnnIsa.decide(Map.of(), "default", AVX512).isa()).isNull();
        assertThat(OneDnnIsa.decide(Map.of(), "avx512_core", AVX2).isa()).isEqualTo("AVX512_CORE");
    }

    @Test
    void onThisMachineTheDecisionWasAppliedOnceAndFollowsTheCpu() {
        OneDnnIsa.Decision applied = OneDnnIsa.limit();
        assertThat(OneDnnIsa.limit()).isSameAs(applied);
        if (System.getenv("ONEDNN_MAX_CPU_ISA") == null && System.getenv("DNNL_MAX_CPU_ISA") == null
                && System.getProperty(OneDnnIsa.PROPERTY) == null) {
            assertThat(applied.isa()).isEqualTo(OneDnnIsa.cpuFlags().contains("avx512f") ? "AVX2" : null);
        }
    }
}
