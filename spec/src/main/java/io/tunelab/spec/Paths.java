package io.tunelab.spec;

/** Field paths such as {@code space.learning_rate.reciprocal[0]}. */
final class Paths {
    /** The path shown for the document itself. */
    static final String ROOT = "(root)";
    private static final int MAX_KEY = 40;

    private Paths() {
    }

    /** {@code parent.key}, or {@code key} at the root; over-long keys are shortened. */
    static String child(String parent, String key) {
        String k = key.length() > MAX_KEY ? key.substring(0, MAX_KEY) + "..." : key;
        k = k.replaceAll("\\p{Cntrl}", "?");
        return parent.isEmpty() || parent.equals(ROOT) ? k : parent + "." + k;
    }

    /** {@code parent[index]}. */
    static String index(String parent, int index) {
        return parent + "[" + index + "]";
    }
}
