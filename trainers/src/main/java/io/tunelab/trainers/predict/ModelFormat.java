package io.tunelab.trainers.predict;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
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
 * What a logged model is, as MLflow's {@code MLmodel} file says it: the {@code flavor} whose loader reads it
 * ({@value #DJL} or {@value #TRIBUO}), the trial artifact holding it ({@code model_file}; the files it needs lie beside
 * it) and its {@link Signature}. The trainers log it as the trial artifact {@value #ARTIFACT} with their model files
 * ({@code DjlObjective}, {@code TribuoObjective}, {@code TribuoModels.logArtifacts}), so a model version registered from
 * Java ({@code ModelRegistry.createVersion}) can be served, predicted with and promoted without a study file. Immutable.
 *
 * @param flavor    the loader's name
 * @param modelFile the name of the trial artifact a model version points at
 * @param signature {@code inputs} and {@code outputs}, as {@link Signature#of}; empty when the model did not say
 */
public record ModelFormat(String flavor, String modelFile, Map<String, Object> signature) {
    /** The name of the trial artifact holding it. */
    public static final String ARTIFACT = "MLmodel";
    public static final String DJL = "djl";
    public static final String TRIBUO = "tribuo";
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public ModelFormat {
        if (flavor == null || flavor.isBlank() || modelFile == null || modelFile.isBlank()) {
            throw new IllegalArgumentException("a model format names its flavor and model file, got flavor '" + flavor
                    + "' and model_file '" + modelFile + "'");
        }
        signature = Map.copyOf(signature);
    }

    /** The format of {@code model}, saved as {@code modelFile} by the loader {@code flavor}, with its signature. */
    public static ModelFormat of(String flavor, String modelFile, Predictor model) {
        return new ModelFormat(flavor, modelFile, Signature.of(model.schema(), model.output()));
    }

    /** Attaches this format to {@code trial} as its artifact {@value #ARTIFACT} (through a temporary file). */
    public void log(Trial trial) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("tunelab-mlmodel-");
            Path file = dir.resolve(ARTIFACT);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("flavor", flavor);
            body.put("model_file", modelFile);
            body.put("signature", signature);
            MAPPER.writeValue(file.toFile(), body);
            trial.logArtifact(ARTIFACT, file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the " + ARTIFACT + " file of trial " + trial.number() + ": "
                    + e.getMessage(), e);
        } finally {
            TempDirs.deleteQuietly(dir);
        }
    }

    /**
     * Reads a format {@link #log} wrote.
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
        Object flavor = body.get("flavor");
        Object modelFile = body.get("model_file");
        if (!(flavor instanceof String f) || f.isBlank() || !(modelFile instanceof String m) || m.isBlank()) {
            throw new TrainersException(file + " names no flavor and model_file: expected {\"flavor\": \"" + DJL + "\" or \""
                    + TRIBUO + "\", \"model_file\": ARTIFACT_NAME}, got flavor " + flavor + " and model_file " + modelFile);
        }
        Map<String, Object> signature = new LinkedHashMap<>();
        if (body.get("signature") instanceof Map<?, ?> s) {
            s.forEach((k, v) -> signature.put(String.valueOf(k), v));
        }
        return new ModelFormat(f, m, signature);
    }
}
