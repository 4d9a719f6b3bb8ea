package io.tunelab.trainers.djl;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import io.tunelab.trainers.TrainersException;
import io.tunelab.trainers.device.PyTorchNatives;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Saves a trained model as two files side by side — {@code NAME-0000.params} (DJL's weights format) and
 * {@code NAME.architecture.json} — and loads it back by rebuilding the block from the JSON. A
 * {@code .params} file alone cannot be loaded, since it holds weights but not the layer structure.
 */
public final class ModelFiles {
    /** The DJL engine every Tunelab network runs on. */
    public static final String ENGINE = "PyTorch";

    private ModelFiles() {
    }

    /**
     * A new, empty model on {@code device} of the {@link #ENGINE} engine. Every Tunelab network is created
     * here, so that oneDNN is switched on or off ({@link PyTorchNatives#engine()}) before its first convolution.
     */
    public static Model newModel(String name, Device device) {
        PyTorchNatives.engine();
        return Model.newInstance(name, device, ENGINE);
    }

    /** Where a saved model's two files are. */
    public record Saved(Path params, Path architecture) {
    }

    /** A loaded model and the architecture it was built from; closing it frees the model's native memory. */
    public record Loaded(Model model, Architecture architecture) implements AutoCloseable {
        @Override
        public void close() {
            model.close();
        }
    }

    /** Writes {@code model}'s weights and {@code architecture} into {@code dir} under {@code name}. */
    public static Saved save(Model model, Architecture architecture, Path dir, String name) throws IOException {
        Files.createDirectories(dir);
        // DJL numbers weight files by the "Epoch" property, or else one past the newest file already in
        // the directory: pin it, so saving a better checkpoint again overwrites NAME-0000.params
        model.setProperty("Epoch", "0");
        model.save(dir, name);
        Path json = architectureFile(dir, name);
        ArchitectureJson.write(architecture, json);
        Path params = dir.resolve(name + "-0000.params");
        if (!Files.isRegularFile(params)) {
            throw new TrainersException("DJL did not write the expected weights file " + params);
        }
        return new Saved(params, json);
    }

    /** The architecture file of model {@code name} in {@code dir}. */
    public static Path architectureFile(Path dir, String name) {
        return dir.resolve(name + ".architecture.json");
    }

    /** The {@link io.tunelab.trainers.sources.DataCard} file of model {@code name} in {@code dir}, when it was saved with one. */
    public static Path dataCardFile(Path dir, String name) {
        return dir.resolve(name + ".data.json");
    }

    /**
     * Rebuilds model {@code name} from {@code dir} on {@code device}. The caller closes the model.
     *
     * @throws TrainersException when a file is missing or does not fit the architecture
     */
    public static Loaded load(Path dir, String name, Device device) throws IOException {
        Path json = architectureFile(dir, name);
        if (!Files.isRegularFile(json)) {
            throw new TrainersException("cannot load model '" + name + "' from " + dir + ": " + json.getFileName() + " is missing");
        }
        Architecture architecture = ArchitectureJson.read(json);
        Model model = newModel(name, device);
        try {
            model.setBlock(Networks.build(architecture, 0));
            model.load(dir, name);
            return new Loaded(model, architecture);
        } catch (MalformedModelException | IOException | RuntimeException e) {
            model.close();
            throw new TrainersException("cannot load model '" + name + "' from " + dir + " with architecture "
                    + architecture.describe() + ": " + e.getMessage(), e);
        }
    }
}
