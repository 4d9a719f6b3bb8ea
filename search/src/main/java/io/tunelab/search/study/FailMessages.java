package io.tunelab.search.study;

/**
 * The FAIL messages of trials ended by an exception or an error in {@link Study#optimize}, and which errors stop the
 * study: messages on one line, in the user's terms.
 */
final class FailMessages {
    /** Added to the message of a trial ended by an error that {@link #leavesProcessUnusable leaves the JVM unusable}. */
    static final String UNUSABLE = " (an error of the Java virtual machine itself: the study stops)";

    private FailMessages() {
    }

    /**
     * Errors after which the JVM cannot be trusted to run more trials: a failure of the virtual machine
     * itself ({@link InternalError}, {@link UnknownError}). The heap's {@link OutOfMemoryError} and a
     * {@link StackOverflowError} are not: the trial's objects are unreachable once it ends, its stack unwound.
     */
    static boolean leavesProcessUnusable(Error e) {
        return e instanceof InternalError || e instanceof UnknownError;
    }

    /** The FAIL message of a trial ended by an {@link Error} the study survives. */
    static String describeError(Error e) {
        if (e instanceof OutOfMemoryError) {
            return describe(e) + " (the trial ran out of Java heap; its memory was released and the study goes on;"
                    + " give the JVM more with -Xmx, or make the trial smaller)";
        }
        if (e instanceof StackOverflowError) {
            return describe(e) + " (the trial's recursion went too deep; the study goes on; -Xss raises the stack size)";
        }
        return describe(e);
    }

    /**
     * A trial's FAIL message on one line: the exception's message, after its simple class name unless the exception is
     * Tunelab's own (whose messages say what went wrong in the user's terms; a class name such as {@code
     * TrainersException} adds nothing) and has a message. A line break with the blanks around it (native libraries
     * such as XGBoost put their own stack into the message) becomes one space, so that the message stays one row of
     * {@code tunelab trials} and one line of the log.
     */
    static String describe(Throwable e) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            return e.getClass().getSimpleName();
        }
        String line = m.strip().replaceAll("\\s*\\R\\s*", " ");
        return e.getClass().getName().startsWith("io.tunelab.") ? line : e.getClass().getSimpleName() + ": " + line;
    }
}
