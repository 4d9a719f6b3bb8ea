package io.tunelab.spec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Unmodifiable, order-keeping copies of option maps (values may be null only in free-form sections). */
final class Options {
    private Options() {
    }

    static Map<String, Object> copy(Map<String, Object> options) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(options));
    }
}
