package io.tunelab.trainers.djl.train;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps a copy of the latest batch's gradients while it is watching (see
 * {@link io.tunelab.trainers.callback.TrainingContext#watchGradients()}): the loop {@link #offer}s each
 * batch's gradients after clipping and before they are zeroed; while not watching that costs nothing.
 * The copies stay on the device until {@link #take()}; ones never taken are freed with the model's manager.
 * Training thread only.
 */
final class GradientTap {
    private final Map<String, NDArray> latest = new LinkedHashMap<>();
    private boolean watching;

    void watch() {
        watching = true;
    }

    /** Keeps copies of {@code gradients} (one per parameter of {@code parameters}) when watching. */
    void offer(List<Parameter> parameters, List<NDArray> gradients) {
        if (!watching) {
            return;
        }
        for (int i = 0; i < parameters.size(); i++) {
            NDArray previous = latest.put(parameters.get(i).getId(), gradients.get(i).duplicate());
            if (previous != null) {
                previous.close();
            }
        }
    }

    /** The kept gradients on the host, by parameter id; frees the copies and stops watching. */
    Map<String, float[]> take() {
        Map<String, float[]> out = new LinkedHashMap<>();
        latest.forEach((id, g) -> {
            out.put(id, g.toFloatArray());
            g.close();
        });
        latest.clear();
        watching = false;
        return out;
    }
}
