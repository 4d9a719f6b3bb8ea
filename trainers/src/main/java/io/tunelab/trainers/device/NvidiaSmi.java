package io.tunelab.trainers.device;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the NVIDIA driver lists, through {@code nvidia-smi -L}: the way to see GPUs that a CPU-only
 * engine build cannot, and the GPUs' product names (which DJL's CUDA utilities do not give).
 */
public final class NvidiaSmi {
    private static final Pattern LINE = Pattern.compile("^GPU (\\d+): (.+?)(?: \\(UUID: [^)]*\\))?\\s*$");
    private static final long TIMEOUT_SECONDS = 10;

    private NvidiaSmi() {
    }

    /**
     * GPU names by index from {@code nvidia-smi -L}; empty when the command is missing, fails or
     * takes more than ten seconds.
     */
    public static List<String> listGpus() {
        try {
            Process p = new ProcessBuilder("nvidia-smi", "-L").redirectErrorStream(true).start();
            byte[] out;
            try (InputStream in = p.getInputStream()) {
                out = in.readAllBytes();
            }
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return List.of();
            }
            return p.exitValue() == 0 ? parse(new String(out, StandardCharsets.UTF_8)) : List.of();
        } catch (IOException e) {
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }

    /** GPU names in the order of lines such as {@code GPU 0: NVIDIA A100-SXM4-40GB (UUID: GPU-...)}; other lines are skipped. */
    static List<String> parse(String output) {
        List<String> names = new ArrayList<>();
        for (String line : output.split("\\R")) {
            Matcher m = LINE.matcher(line.strip());
            if (m.matches()) {
                names.add(m.group(2).strip());
            }
        }
        return names;
    }
}
