package io.tunelab.trainers.device;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps oneDNN, the library PyTorch's CPU convolutions run on, off its AVX-512 kernels unless the user
 * chose an instruction set.
 *
 * <p>Why: with the PyTorch 2.5.1 build DJL 0.32 loads (oneDNN 3.5.3), a convolution whose channel count
 * is below the 16-wide AVX-512 block computes the gradient of its input from padding lanes that are
 * never initialised, so on AVX-512 CPUs a backward pass returns NaN gradients at random (two stacked 3×3
 * convolutions of 4 and 8 filters: 42–114 of 300 passes with the same inputs on an AMD EPYC; 0 of 1,500
 * with oneDNN limited to AVX2). Training then "diverges" at a random batch, differently from run to run.
 *
 * <p>oneDNN reads {@code ONEDNN_MAX_CPU_ISA} from the process environment once, when it creates its
 * first primitive, so {@link #limit()} must run before the first convolution; the trainers call it before
 * they create a DJL model or query the engine. The choice, in order:
 * <ol>
 *   <li>{@code ONEDNN_MAX_CPU_ISA} or {@code DNNL_MAX_CPU_ISA} already set: left alone;</li>
 *   <li>system property {@value #PROPERTY}: {@code default} leaves oneDNN alone, any other value
 *       (e.g. {@code AVX512_CORE}) is set as oneDNN's maximum;</li>
 *   <li>a CPU with AVX-512 ({@code avx512f} in {@code /proc/cpuinfo}): {@code AVX2};</li>
 *   <li>otherwise: left alone (AVX2 and older CPUs never run the faulty kernels).</li>
 * </ol>
 * Thread-safe; acts at most once per process.
 */
public final class OneDnnIsa {
    /** System property that overrides the choice: {@code default}, or a oneDNN ISA name such as {@code AVX2}. */
    public static final String PROPERTY = "tunelab.onednn.max_cpu_isa";
    static final String VARIABLE = "ONEDNN_MAX_CPU_ISA";
    private static final String LEGACY_VARIABLE = "DNNL_MAX_CPU_ISA";
    private static final Logger LOG = LoggerFactory.getLogger(OneDnnIsa.class);
    private static Decision applied;

    private OneDnnIsa() {
    }

    /**
     * What to do: {@code isa} to set as oneDNN's maximum, or {@code null} to leave oneDNN alone;
     * {@code reason} says why, for the log.
     */
    public record Decision(String isa, String reason) {
    }

    /** Decides and, the first time it is called in this process, sets the variable. Returns the decision. */
    public static synchronized Decision limit() {
        if (applied == null) {
            Decision d = decide(System.getenv(), System.getProperty(PROPERTY), cpuFlags());
            applied = d.isa() == null ? d : set(d);
            LOG.debug("oneDNN instruction set: {}", applied.reason());
        }
        return applied;
    }

    /** The choice for environment {@code env}, property value {@code property} (or null) and {@code cpuFlags}. */
    static Decision decide(Map<String, String> env, String property, Set<String> cpuFlags) {
        for (String variable : new String[] {VARIABLE, LEGACY_VARIABLE}) {
            if (env.get(variable) != null) {
                return new Decision(null, variable + "=" + env.get(variable) + " set by the user");
            }
        }
        if (property != null && !property.isBlank()) {
            return property.equalsIgnoreCase("default") ? new Decision(null, PROPERTY + "=default: oneDNN chooses")
                    : new Decision(property.trim().toUpperCase(java.util.Locale.ROOT), PROPERTY + "=" + property);
        }
        if (cpuFlags.contains("avx512f")) {
            return new Decision("AVX2", "AVX-512 CPU: oneDNN limited to AVX2 (its AVX-512 convolutions return NaN gradients "
                    + "for narrow layers; set " + PROPERTY + "=default to undo)");
        }
        return new Decision(null, "no AVX-512: oneDNN chooses");
    }

    private static Decision set(Decision d) {
        try {
            int rc = CLibrary.INSTANCE.setenv(VARIABLE, d.isa(), 0);
            return rc == 0 ? d : failed(d, "setenv returned " + rc);
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            return failed(d, e.toString());
        }
    }

    private static Decision failed(Decision d, String why) {
        LOG.warn("could not limit oneDNN to {} ({}); convolution gradients may be NaN at random on this CPU: start the "
                + "JVM with {}={} in its environment", d.isa(), why, VARIABLE, d.isa());
        return new Decision(null, "setting " + VARIABLE + " failed: " + why);
    }

    /** The CPU's feature flags from {@code /proc/cpuinfo}; empty where there is none (not Linux). */
    static Set<String> cpuFlags() {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        try (var lines = Files.lines(cpuinfo)) {
            return lines.filter(l -> l.startsWith("flags")).findFirst()
                    .map(l -> Arrays.stream(l.substring(l.indexOf(':') + 1).trim().split("\\s+")).collect(Collectors.toSet()))
                    .orElse(Set.of());
        } catch (IOException | RuntimeException e) {
            return Set.of();
        }
    }

    /** The C library's {@code setenv}, which changes the environment native code reads with {@code getenv}. */
    private interface CLibrary extends Library {
        CLibrary INSTANCE = Native.load("c", CLibrary.class);

        int setenv(String name, String value, int overwrite);
    }
}
