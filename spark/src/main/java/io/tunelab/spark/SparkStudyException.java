package io.tunelab.spark;

/** The spark module's exception root: a study that cannot be run on Spark as asked. */
public class SparkStudyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SparkStudyException(String message) {
        super(message);
    }

    public SparkStudyException(String message, Throwable cause) {
        super(message, cause);
    }
}
