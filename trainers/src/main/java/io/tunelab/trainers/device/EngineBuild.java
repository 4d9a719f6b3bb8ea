package io.tunelab.trainers.device;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The deep-learning engine this process trains with and the flavour of its native library.
 *
 * @param engine  the engine's name, e.g. {@code PyTorch}
 * @param version its version, e.g. {@code 2.5.1}
 * @param flavor  {@code cpu}, or the CUDA build such as {@code cu124}
 */
public record EngineBuild(String engine, String version, String flavor) {
    private static final Pattern FLAVOR = Pattern.compile("(?:^|[-_/])(cpu|cu\\d+)(?:[-_/]|$)");

    /** Whether the native library can use CUDA GPUs. */
    public boolean isCuda() {
        return flavor.startsWith("cu");
    }

    /** The flavour named in a native library's path (e.g. {@code .../2.5.1-20241113-cu124-linux-x86_64}), else {@code cpu}. */
    public static String flavorOf(String libraryPath) {
        Matcher m = FLAVOR.matcher(libraryPath == null ? "" : libraryPath);
        String found = "cpu";
        while (m.find()) {
            found = m.group(1);
        }
        return found;
    }

    /** {@code PyTorch 2.5.1 (CUDA build cu124)} or {@code PyTorch 2.5.1 (CPU build)}. */
    public String describe() {
        return engine + " " + version + (isCuda() ? " (CUDA build " + flavor + ")" : " (CPU build)");
    }
}
