package io.tunelab.trainers.predict;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.tunelab.search.storage.TrialStorage;
import io.tunelab.search.trial.Trial;
import io.tunelab.trainers.TempDirs;
import io.tunelab.trainers.TrainersException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a logged model is, as MLflow's {@code MLmodel} file says it: the {@code flavor} whose loader reads it, named after
 * the library as MLflow names its flavors ({@value #DJL} or {@value #TRIBUO}), the trainer that made it ({@code
 * djl-mlp}, {@code tribuo-xgboost}: the name a study file gives it), the trial artifact holding it ({@code model_file};
 * the files it needs lie beside it) and its {@link Signature}. As MLflow's {@code flavors:} lists the library's flavor
 * beside {@code python_function} (how to load it), the file has {@code "flavors": {"djl": {"model_file": ...},
 * "tunelab": {"loader": "djl", "trainer": "djl-mlp"}}}; it also keeps the top-level {@code flavor} and {@code
 * model_file} that files logged before had, which {@link #read} still takes. The trainers log it as the trial artifact
 * {@value #ARTIFACT} with their model files ({@code DjlObjective}, {@code TribuoObjective}, {@code
 * TribuoModels.logArtifacts}), so a model version registered from Java ({@code ModelRegistry.createVersion}) can be
 * served, predicted with and promoted without a study file. Immutable.
 *
 * @param flavor    the loader's name
 * @param modelFile the name of the trial artifact a model version points at
 * @param signature {@code inputs} and {@code outputs}, as {@link Signature#of}; empty when the model did not say
 * @param trainer   the trainer that made it, or null when not recorded (files logged before it was, or by code that did
 *                  not say)
 */
public record ModelFormat(String flavor, String modelFile, Map<String, Object> signature, String trainer) {
    /** The name of the trial artifact holding it. */
    public static final String ARTIFACT = "MLmodel";
    public static final String DJL = "djl";
    public static final String TRIBUO = "tribuo";
    /** The flavor that says how Tunelab loads the model, as MLflow's {@code python_function}. */
    public static final String TUNELAB = "tunelab";
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public ModelFormat {
        if (flavor == null || flavor.isBlank() || modelFile == null || modelFile.isBlank()) {
            throw new IllegalArgumentException("a model format names its flavor and model file, got flavor '" + flavor
                    + "' and model_file '" + modelFile + "'");
        }
        signature = Map.copyOf(signature);
        trainer = trainer == null || trainer.isBlank() ? null : trainer;
    }

    /** A format that does not name its trainer. */
    public ModelFormat(String flavor, String modelFile, Map<String, Object> signature) {
        this(flavor, modelFile, signature, null);
    }

    /** This format naming {@code trainer} as the one that made the model. */
    public ModelFormat withTrainer(String trainer) {
        return new ModelFormat(flavor, modelFile, signature, trainer);
    }

    /** The format of {@code model}, saved as {@code modelFile} by the loader {@code flavor}, with its signature. */
    public static ModelFormat of(String flavor, String modelFile, Predictor model) {
        return new ModelFormat(flavor, modelFile, Signature.of(model.schema(), model.output()));
    }

    /** Attaches this format to {@code trial} as its artifact {@value #ARTIFACT} (through a temporary file). */
    public void log(Trial trial) {
        write("trial " + trial.number(), file -> trial.logArtifact(ARTIFACT, file));
    }

    /**
     * Attaches this format to the trial {@code trialId} of {@code storage}, finished or not: how a model version
     * registered before its trainer logged one is given one ({@code new ModelFormat("tribuo", "model.tribuo",
     * Map.of()).log(tracker.storage(), trialId)}).
     */
    public void log(TrialStorage storage, long trialId) {
        write("trial id " + trialId, file -> storage.storeArtifact(trialId, ARTIFACT, file));
    }

    private void write(String trial, java.util.function.Consumer<Path> attach) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("tunelab-mlmodel-");
            Path file = dir.resolve(ARTIFACT);
            Map<String, Object> body = new LinkedHashMap<>();
            Map<String, Object> tunelab = new LinkedHashMap<>();
            tunelab.put("loader", flavor);
            if (trainer != null) {
                tunelab.put("trainer", trainer);
            }
            Map<String, Object> flavors = new LinkedHashMap<>();
            flavors.put(flavor, Map.of("model_file", modelFile));
            flavors.put(TUNELAB, tunelab);
            body.put("flavors", flavors);
            body.put("flavor", flavor);
            body.put("model_file", modelFile);
            if (trainer != null) {
                body.put("trainer", trainer);
            }
            body.put("signature", signature);
            MAPPER.writeValue(file.toFile(), body);
            attach.accept(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the " + ARTIFACT + " file of " + trial + ": " + e.getMessage(), e);
        } finally {
            TempDirs.deleteQuietly(dir);
        }
    }

    /**
     * Reads a format {@link #log} wrote, or one of the form logged before {@code flavors} and {@code trainer} were
     * ({@code {"flavor": ..., "model_file": ..., "signature": ...}}: its trainer is null).
     *
     * @throws TrainersException naming the file and what is missing or malformed in it
     */
    public static ModelFormat read(Path file) {
        Map<?, ?> body;
        try {
            body = MAPPER.readValue(file.toFile(), Map.class);
        } catch (IOException e) {
            throw new TrainersException(file + " is not an " + ARTIFACT + " file: " + e.getMessage(), e);
        }
        Map<?, ?> flavors = body.get("flavors") instanceof Map<?, ?> m ? m : Map.of();
        Map<?, ?> tunelab = flavors.get(TUNELAB) instanceof Map<?, ?> m ? m : Map.of();
        Object flavor = body.containsKey("flavor") ? body.get("flavor") : tunelab.get("loader");
        Map<?, ?> library = flavor != null && flavors.get(flavor) instanceof Map<?, ?> m ? m : Map.of();
        Object modelFile = body.containsKey("model_file") ? body.get("model_file") : library.get("model_file");
        Object trainer = body.containsKey("trainer") ? body.get("trainer") : tunelab.get("trainer");
        if (!(flavor instanceof String f) || f.isBlank() || !(modelFile instanceof String m) || m.isBlank()) {
            throw new TrainersException(file + " names no flavor and model_file: expected {\"flavor\": \"" + DJL + "\" or \""
                    + TRIBUO + "\", \"model_file\": ARTIFACT_NAME}, got flavor " + flavor + " and model_file " + modelFile);
        }
        Map<String, Object> signature = new LinkedHashMap<>();
        if (body.get("signature") instanceof Map<?, ?> s) {
            s.forEach((k, v) -> signature.put(String.valueOf(k), v));
        }
        return new ModelFormat(f, m, signature, trainer instanceof String t ? t : null);
    }
}
