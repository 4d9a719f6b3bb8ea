package io.tunelab.trainers.gate;

/** Gate inputs that cannot be compared (different lengths, non-binary scores for McNemar, a bad confidence). */
public class GateException extends RuntimeException {
    public GateException(String message) {
        super(message);
    }
}
