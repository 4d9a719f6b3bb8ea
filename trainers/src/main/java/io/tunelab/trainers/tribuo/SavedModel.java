package io.tunelab.trainers.tribuo;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Files written by {@link TribuoModels#save}.
 *
 * @param model   the Tribuo protobuf model (its encoder inside)
 * @param encoder the feature encoder as JSON, for readers other than Tunelab
 * @param onnx    the ONNX export, present when the model type supports it
 */
public record SavedModel(Path model, Path encoder, Optional<Path> onnx) {
    public SavedModel {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(encoder, "encoder");
        Objects.requireNonNull(onnx, "onnx");
    }
}
