package io.tunelab.trainers.tribuo;

import java.util.List;
import java.util.Objects;

/**
 * When a trainer reads a parameter only for some choices of another: LIBSVM reads {@code gamma} only for the
 * {@code rbf}, {@code poly} and {@code sigmoid} kernels and {@code degree} only for {@code poly}. Immutable.
 *
 * @param selector the choice parameter that decides, e.g. {@code kernel}
 * @param choices  its choices (in the catalogue's spelling) under which the parameter is read
 */
public record ReadOnlyWhen(String selector, List<String> choices) {
    public ReadOnlyWhen {
        Objects.requireNonNull(selector, "selector");
        choices = List.copyOf(choices);
    }
}
