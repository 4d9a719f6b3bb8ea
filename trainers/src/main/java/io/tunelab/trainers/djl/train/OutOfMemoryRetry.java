package io.tunelab.trainers.djl.train;

import ai.djl.engine.EngineException;
import io.tunelab.search.trial.Trial;
import io.tunelab.trainers.TrainersException;
import io.tunelab.trainers.device.PyTorchNatives;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs a trial's training, and once more in place with half the batch size when the GPU runs out of
 * memory (PyTorch's {@code CUDA out of memory}, which DJL raises as an {@link EngineException}). Before
 * the retry the failed attempt's model is closed (the attempt owns it) and PyTorch's CUDA cache is
 * emptied. The retry is recorded as the trial's user attribute {@value #ATTR}
 * ({@code {batch_size, retry_batch_size, error}}), which the trial page shows and the trial's provenance
 * keeps. The retry is another attempt of the trial ({@link Trial#beginAttempt}): the values it reports replace the failed
 * attempt's, so the trial's curve is the retry's. A second out-of-memory error fails the trial with a message that says
 * so. Stateless.
 */
public final class OutOfMemoryRetry {
    /** The user attribute recording a retry. */
    public static final String ATTR = "oom_retry";

    /** One training attempt with the given fit settings; returns the trial's value. */
    @FunctionalInterface
    public interface Attempt {
        double run(FitConfig fit);
    }

    private OutOfMemoryRetry() {
    }

    /** Runs {@code attempt} with {@code fit}; on CUDA out of memory, frees memory and runs it once more with half the batch. */
    public static double run(Trial trial, FitConfig fit, Attempt attempt) {
        try {
            return attempt.run(fit);
        } catch (RuntimeException e) {
            if (!isCudaOutOfMemory(e)) {
                throw e;
            }
            int half = fit.batchSize() / 2;
            if (half < 1) {
                throw new TrainersException("CUDA out of memory at batch size 1; the model does not fit on this GPU: "
                        + firstLine(e), e);
            }
            PyTorchNatives.emptyCudaCache();
            Map<String, Object> retry = new LinkedHashMap<>();
            retry.put("batch_size", fit.batchSize());
            retry.put("retry_batch_size", half);
            retry.put("error", firstLine(e));
            trial.setUserAttr(ATTR, retry);
            trial.beginAttempt();
            try {
                return attempt.run(fit.withBatchSize(half));
            } catch (RuntimeException again) {
                if (!isCudaOutOfMemory(again)) {
                    throw again;
                }
                PyTorchNatives.emptyCudaCache();
                throw new TrainersException("CUDA out of memory twice: at batch size " + fit.batchSize()
                        + " and again after the retry with half of it (" + half + "); use a smaller batch_size or model,"
                        + " or fewer trials_per_gpu: " + firstLine(again), again);
            }
        }
    }

    /** Whether {@code e} (or a cause) is the engine's CUDA out-of-memory error. */
    public static boolean isCudaOutOfMemory(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String m = t.getMessage();
            if (t instanceof EngineException && m != null
                    && (m.contains("CUDA out of memory") || m.contains("CUDA error: out of memory"))) {
                return true;
            }
        }
        return false;
    }

    private static String firstLine(Throwable e) {
        String m = String.valueOf(e.getMessage()).strip();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
