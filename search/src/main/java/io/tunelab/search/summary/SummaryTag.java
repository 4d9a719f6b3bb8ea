package io.tunelab.search.summary;

import java.util.Objects;

/**
 * One summary series of a trial: a tag and the kind of summaries logged under it.
 *
 * @param tag  as logged
 * @param kind of its summaries
 */
public record SummaryTag(String tag, SummaryKind kind) {
    public SummaryTag {
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(kind, "kind");
    }
}
