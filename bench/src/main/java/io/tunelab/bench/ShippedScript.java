package io.tunelab.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds a script the project ships in {@code bench/} (the Optuna and PyTorch peers), so that a benchmark runs from
 * the project root, from {@code bench/} itself (the module's tests) or from any directory when started by the
 * {@code tunelab} launcher. Stateless.
 */
public final class ShippedScript {
    private ShippedScript() {
    }

    /**
     * The first that exists of {@code workingDir/bench/name}, {@code workingDir/name} and {@code bench/name} beside
     * {@code launcher} (the path of the {@code tunelab} script, or null); when none does, {@code workingDir/bench/name},
     * for the error message that names it.
     */
    public static Path locate(String name, Path workingDir, String launcher) {
        Path expected = workingDir.resolve("bench").resolve(name);
        if (Files.isRegularFile(expected)) {
            return expected;
        }
        Path here = workingDir.resolve(name);
        if (Files.isRegularFile(here)) {
            return here;
        }
        if (launcher != null && !launcher.isBlank()) {
            Path parent = Path.of(launcher).toAbsolutePath().getParent();
            Path beside = parent == null ? null : parent.resolve("bench").resolve(name);
            if (beside != null && Files.isRegularFile(beside)) {
                return beside;
            }
        }
        return expected;
    }
}
