package io.tunelab.bench.training;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tunelab.bench.ShippedScript;
import io.tunelab.bench.peer.OptunaPeer;
import io.tunelab.trainers.TrainersException;
import io.tunelab.trainers.data.DenseDataset;
import io.tunelab.trainers.djl.Architecture;
import io.tunelab.trainers.djl.ArchitectureJson;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The PyTorch peer of the DJL trainers, {@code bench/torch_peer.py}, run with Debian's
 * {@code /usr/bin/python3} (which has {@code python3-torch}) when it exists, else {@code python3}: it
 * trains the network of an {@link Architecture} on the very training examples the Java side trained on
 * (written as raw little-endian arrays), with the same batch size, optimizer, learning rate and threads,
 * and reports the wall time of each epoch's training steps. The peer gets the oneDNN switch the Java side
 * runs with ({@code torch.backends.mkldnn.enabled}, through {@code TUNELAB_ONEDNN}), so both use the same kernels.
 */
public final class TorchPeer {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path script;
    private final String python;

    /**
     * @param script the path of {@code torch_peer.py}
     * @param python the interpreter to run it with
     */
    public TorchPeer(Path script, String python) {
        this.script = script;
        this.python = python;
    }

    /**
     * The shipped script ({@code bench/torch_peer.py} from the project root, {@code torch_peer.py} from
     * {@code bench/}) run by {@link OptunaPeer#python()}.
     */
    public static TorchPeer shipped() {
        return new TorchPeer(ShippedScript.locate("torch_peer.py", Path.of(""), null), OptunaPeer.python());
    }

    /** Whether the script exists and the interpreter imports {@code torch}. */
    public boolean available() {
        if (!Files.isRegularFile(script)) {
            return false;
        }
        try {
            Process p = new ProcessBuilder(python, "-c", "import torch").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * How the peer trains.
     *
     * @param optimizer    {@code adam} or {@code sgd}
     * @param learningRate constant learning rate
     * @param batchSize    examples per step
     * @param epochs       epochs to train
     * @param threads      PyTorch intra-op threads ({@code torch.set_num_threads}); one inter-op thread
     * @param seed         weights and shuffling seed
     * @param oneDnn       whether the peer's CPU convolutions may use oneDNN
     */
    public record Settings(String optimizer, double learningRate, int batchSize, int epochs, int threads, long seed,
                           boolean oneDnn) {
        public Settings {
            if (!optimizer.equals("adam") && !optimizer.equals("sgd")) {
                throw new TrainersException("the PyTorch peer trains with adam or sgd, got '" + optimizer + "'");
            }
            if (batchSize < 1 || epochs < 1 || threads < 1) {
                throw new TrainersException("batch size, epochs and threads must be at least 1, got " + batchSize + ", "
                        + epochs + " and " + threads);
            }
        }
    }

    /**
     * What the peer reported.
     *
     * @param name          the peer's name, e.g. {@code torch-1.13.0a0}
     * @param epochSeconds  wall time of each epoch's training steps, in order
     * @param cpuSeconds    CPU time of the training thread over the same steps
     * @param losses        mean training loss of each epoch
     */
    public record Run(String name, List<Double> epochSeconds, List<Double> cpuSeconds, List<Double> losses) {
    }

    /**
     * Trains {@code architecture} on {@code train} in PyTorch; {@code work} receives the arrays and the spec.
     *
     * @throws TrainersException when the peer cannot start, exits with an error or reports something unexpected
     */
    public Run train(Architecture architecture, DenseDataset train, Settings settings, Path work) throws IOException {
        Files.createDirectories(work);
        ObjectNode spec = JSON.createObjectNode().put("threads", settings.threads()).put("seed", settings.seed())
                .put("epochs", settings.epochs()).put("batch_size", settings.batchSize())
                .put("optimizer", settings.optimizer()).put("learning_rate", settings.learningRate());
        spec.set("architecture", JSON.readTree(ArchitectureJson.write(architecture)));
        spec.put("features", writeFloats(train.features(), work.resolve("features.f32")).toString());
        var shape = spec.putArray("feature_shape").add(train.size());
        for (int d : train.exampleShape()) {
            shape.add(d);
        }
        if (train.isRegression()) {
            spec.put("task", "regression").put("target_width", train.targetWidth())
                    .put("targets", writeFloats(train.targets(), work.resolve("targets.f32")).toString());
        } else {
            spec.put("task", "classification").put("classes", train.numClasses())
                    .put("labels", writeLongs(train.labels(), work.resolve("labels.i64")).toString());
        }
        Path specFile = Files.writeString(work.resolve("spec.json"), spec.toString(), StandardCharsets.UTF_8);
        return run(specFile, settings);
    }

    private Run run(Path specFile, Settings settings) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(python, script.toString(), specFile.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().put("OMP_NUM_THREADS", String.valueOf(settings.threads()));
        builder.environment().put("TUNELAB_ONEDNN", settings.oneDnn() ? "on" : "off");
        Process process = builder.start();
        String name = null;
        List<Double> seconds = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        List<Double> losses = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                JsonNode node = JSON.readTree(line);
                if (node.hasNonNull("peer")) {
                    name = node.get("peer").asText();
                } else if (node.hasNonNull("epoch") && node.hasNonNull("seconds")) {
                    seconds.add(node.get("seconds").asDouble());
                    cpu.add(node.path("cpu_seconds").asDouble(Double.NaN));
                    losses.add(node.path("loss").asDouble(Double.NaN));
                } else {
                    throw new TrainersException("the PyTorch peer " + script + " printed " + line
                            + "; expected {\"peer\": ...} or {\"epoch\": ..., \"seconds\": ...}");
                }
            }
        }
        int exit;
        try {
            exit = process.waitFor();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new TrainersException("interrupted while the PyTorch peer trained", e);
        }
        if (exit != 0 || name == null || seconds.size() != settings.epochs()) {
            throw new TrainersException("the PyTorch peer '" + python + " " + script + "' exited with " + exit + " after "
                    + seconds.size() + " of " + settings.epochs() + " epochs (its error output is above)");
        }
        return new Run(name, List.copyOf(seconds), List.copyOf(cpu), List.copyOf(losses));
    }

    private static Path writeFloats(float[] values, Path file) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(values);
        return write(bytes, file);
    }

    private static Path writeLongs(int[] values, Path file) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate(values.length * Long.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (int v : values) {
            bytes.putLong(v);
        }
        return write(bytes, file);
    }

    private static Path write(ByteBuffer bytes, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(bytes.array());
        }
        return file;
    }
}
