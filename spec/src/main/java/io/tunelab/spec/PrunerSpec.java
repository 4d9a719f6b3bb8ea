package io.tunelab.spec;

import java.util.Map;

/**
 * The pruner named in a study file.
 *
 * @param type    one of {@link SpecCatalog#prunerTypes()}; {@code none} when the file names none
 * @param options typed options ({@code Integer}, {@code Double} or {@code Boolean}) in file order
 */
public record PrunerSpec(String type, Map<String, Object> options) {
    /** No pruning. */
    public static final PrunerSpec NONE = new PrunerSpec("none", Map.of());

    public PrunerSpec {
        options = Options.copy(options);
    }
}
