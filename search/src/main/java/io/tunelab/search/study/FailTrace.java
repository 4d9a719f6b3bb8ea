package io.tunelab.search.study;

import java.io.PrintWriter;
import java.io.StringWriter;

/** The stack trace of a failed trial's exception, as kept in its system attribute {@value #ATTR}. */
public final class FailTrace {
    /** The system attribute holding the start of a FAIL trial's stack trace. */
    public static final String ATTR = "fail_trace";
    /** The most characters kept: the exception, its message and the innermost frames; the rest is cut. */
    public static final int MAX_CHARS = 4096;

    private FailTrace() {
    }

    /** {@code e}'s stack trace, causes included, cut to {@value #MAX_CHARS} characters with a note of the length. */
    public static String of(Throwable e) {
        StringWriter out = new StringWriter();
        e.printStackTrace(new PrintWriter(out));
        String trace = out.toString().stripTrailing();
        return trace.length() <= MAX_CHARS ? trace
                : trace.substring(0, MAX_CHARS) + "\n\t... (" + trace.length() + " characters in all)";
    }
}
