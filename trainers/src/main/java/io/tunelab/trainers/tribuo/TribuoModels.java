package io.tunelab.trainers.tribuo;

import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance;
import io.tunelab.search.trial.ArtifactRef;
import io.tunelab.search.trial.Trial;
import io.tunelab.trainers.TempDirs;
import io.tunelab.trainers.TrainersException;
import io.tunelab.trainers.predict.ModelFormat;
import io.tunelab.trainers.tabular.EncoderJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tribuo.Model;
import org.tribuo.ONNXExportable;
import org.tribuo.ensemble.EnsembleModel;

/**
 * Saves and loads {@link TabularModel}s. A model is saved in Tribuo's protobuf format
 * ({@value #MODEL_FILE}, with the feature encoder inside its provenance), beside the encoder as
 * JSON ({@value #ENCODER_FILE}) and, when the model type implements Tribuo's {@link ONNXExportable}
 * (linear SGD, LIBLINEAR and LIBSVM models; not trees, forests or XGBoost), an ONNX export
 * ({@value #ONNX_FILE}, domain {@value #ONNX_DOMAIN}). The ONNX graph takes the encoded feature
 * vector in Tribuo's feature-id order (feature names sorted), so an ONNX consumer applies the
 * encoder JSON first. Stateless and thread-safe.
 */
public final class TribuoModels {
    public static final String MODEL_FILE = "model.tribuo";
    public static final String ENCODER_FILE = "encoder.json";
    public static final String ONNX_FILE = "model.onnx";
    public static final String ONNX_DOMAIN = "io.tunelab";

    private TribuoModels() {
    }

    /** Writes the model files into {@code dir} (created if needed), overwriting earlier ones. */
    public static SavedModel save(TabularModel model, Path dir) {
        try {
            Files.createDirectories(dir);
            Path modelFile = dir.resolve(MODEL_FILE);
            model.model().serializeToFile(modelFile);
            Path encoderFile = dir.resolve(ENCODER_FILE);
            EncoderJson.write(model.encoder(), encoderFile);
            Optional<Path> onnx = Optional.empty();
            if (isOnnxExportable(model.model())) {
                ONNXExportable exportable = (ONNXExportable) model.model();
                Path onnxFile = dir.resolve(ONNX_FILE);
                exportable.saveONNXModel(ONNX_DOMAIN, 1, onnxFile);
                onnx = Optional.of(onnxFile);
            }
            return new SavedModel(modelFile, encoderFile, onnx);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save model into " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Whether Tribuo can export {@code model} to ONNX: it implements {@link ONNXExportable} and, for
     * an ensemble (which always does), so does every member; forests of trees do not.
     */
    public static boolean isOnnxExportable(Model<?> model) {
        if (model instanceof EnsembleModel<?> ensemble) {
            return ensemble.getModels().stream().allMatch(TribuoModels::isOnnxExportable);
        }
        return model instanceof ONNXExportable;
    }

    /**
     * Loads a model saved by {@link #save}: {@code path} is its protobuf file or the directory
     * holding {@value #MODEL_FILE}. The encoder is read from the model's provenance.
     *
     * @throws TrainersException if there is no such file, or it is not a Tribuo model or carries no Tunelab encoder
     */
    public static TabularModel load(Path path) {
        Path file = Files.isDirectory(path) ? path.resolve(MODEL_FILE) : path;
        if (!Files.isRegularFile(file)) {
            throw new TrainersException("cannot read model file " + file + ": no such file");
        }
        Model<?> model;
        try {
            model = Model.deserializeFromFile(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read model file " + file + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new TrainersException(file + " is not a Tribuo protobuf model: " + e.getMessage(), e);
        }
        Provenance encoder = model.getProvenance().getInstanceProvenance().getMap()
                .get(TabularModel.ENCODER_PROVENANCE);
        if (!(encoder instanceof StringProvenance json)) {
            throw new TrainersException("model " + file + " carries no '" + TabularModel.ENCODER_PROVENANCE
                    + "' provenance; it was not trained by Tunelab");
        }
        return new TabularModel(EncoderJson.fromJson(json.getValue(), file.toString()), model);
    }

    /**
     * Saves the model into a temporary directory and attaches every file to {@code trial} as an
     * artifact named after the file, with its {@link ModelFormat} ({@value ModelFormat#ARTIFACT}); the temporary files
     * are deleted afterwards (the storage keeps
     * its own copies).
     */
    public static List<ArtifactRef> logArtifacts(Trial trial, TabularModel model) {
        return logArtifacts(trial, model, (String) null);
    }

    /**
     * As {@link #logArtifacts(Trial, TabularModel)}, naming {@code trainer} ({@code tribuo-xgboost}, or null) in its
     * {@link ModelFormat}.
     */
    public static List<ArtifactRef> logArtifacts(Trial trial, TabularModel model, String trainer) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("tunelab-model-");
            return log(trial, model, save(model, dir), trainer);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory for the model: " + e.getMessage(), e);
        } finally {
            TempDirs.deleteQuietly(dir);
        }
    }

    /** Saves the model into {@code dir}, keeps the files there, and attaches them to {@code trial}. */
    public static List<ArtifactRef> logArtifacts(Trial trial, TabularModel model, Path dir) {
        return logArtifacts(trial, model, dir, null);
    }

    /** As {@link #logArtifacts(Trial, TabularModel, Path)}, naming {@code trainer} (or null) in its {@link ModelFormat}. */
    public static List<ArtifactRef> logArtifacts(Trial trial, TabularModel model, Path dir, String trainer) {
        return log(trial, model, save(model, dir), trainer);
    }

    private static List<ArtifactRef> log(Trial trial, TabularModel model, SavedModel saved, String trainer) {
        List<ArtifactRef> refs = new ArrayList<>();
        refs.add(trial.logArtifact(MODEL_FILE, saved.model()));
        refs.add(trial.logArtifact(ENCODER_FILE, saved.encoder()));
        saved.onnx().ifPresent(onnx -> refs.add(trial.logArtifact(ONNX_FILE, onnx)));
        ModelFormat.of(ModelFormat.TRIBUO, MODEL_FILE, model).withTrainer(trainer).log(trial);
        return refs;
    }
}
