package io.tunelab.search.summary;

import java.util.Objects;

/**
 * A text to show as Markdown (a model card, a sample of generated text, a table). Viewers render it
 * with every HTML tag escaped, never as raw HTML.
 *
 * @param markdown the text
 */
public record TextSummary(String markdown) implements SummaryValue {
    public TextSummary {
        Objects.requireNonNull(markdown, "markdown");
    }

    @Override
    public SummaryKind kind() {
        return SummaryKind.TEXT;
    }
}
