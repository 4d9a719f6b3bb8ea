package io.tunelab.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code tunelab} command in a JVM of its own, as a user starts it: {@code java ... TunelabCommand ARGS}
 * on the test class path, DJL offline, with MKL's conditional numerical reproducibility on (MKL's GEMM
 * otherwise rounds differently with the memory alignment of its operands, and a resumed process allocates
 * its tensors differently). Standard error goes to standard output.
 */
public final class TunelabProcess {
    private TunelabProcess() {
    }

    /**
     * A builder for {@code tunelab args}; {@code jvmOptions} come before the class path (e.g. {@code -Xmx512m},
     * logger levels).
     */
    public static ProcessBuilder builder(List<String> jvmOptions, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-Dai.djl.offline=true");
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), TunelabCommand.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("MKL_CBWR", "AUTO,STRICT");
        return builder;
    }
}
