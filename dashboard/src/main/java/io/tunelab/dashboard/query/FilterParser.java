package io.tunelab.dashboard.query;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Parses the trials table's filter language:
 * <pre>
 *   filter     := or
 *   or         := and ( ("OR" | "||") and )*
 *   and        := unary ( ("AND" | "&amp;&amp;") unary )*
 *   unary      := ("NOT" | "!") unary | "(" or ")" | comparison
 *   comparison := field op literal        op := = == != &lt; &lt;= &gt; &gt;= ~
 * </pre>
 * Fields are resolved by {@link FieldResolver} (quote a name with unusual characters: {@code "my param" > 3});
 * literals are numbers, bare words or quoted strings. Numbers
 * compare numerically, text case-insensitively; {@code ~} means "contains". A row without the field
 * fails every comparison. Example: {@code state = COMPLETE AND (lr < 0.01 OR optimizer = adam) AND
 * val_loss.min <= 0.3}. Stateless and thread-safe; errors are {@link FilterException}s that say where.
 */
public final class FilterParser {
    private final String source;
    private final List<FilterTokens.Token> tokens;
    private final FieldCatalog catalog;
    private final Set<String> metrics = new HashSet<>();
    private int pos;

    private FilterParser(String source, FieldCatalog catalog) {
        this.source = source;
        this.tokens = FilterTokens.of(source);
        this.catalog = catalog;
    }

    /** Parses {@code source}; blank means no filter. */
    public static TrialFilter parse(String source, FieldCatalog catalog) {
        if (source == null || source.isBlank()) {
            return TrialFilter.NONE;
        }
        FilterParser p = new FilterParser(source.trim(), catalog);
        Predicate<RowView> test = p.or();
        if (p.pos < p.tokens.size()) {
            throw p.error("expected AND, OR or the end", p.tokens.get(p.pos));
        }
        return new TrialFilter(source.trim(), test, p.metrics);
    }

    private Predicate<RowView> or() {
        Predicate<RowView> left = and();
        while (peekKeyword("OR", "||")) {
            pos++;
            left = left.or(and());
        }
        return left;
    }

    private Predicate<RowView> and() {
        Predicate<RowView> left = unary();
        while (peekKeyword("AND", "&&")) {
            pos++;
            left = left.and(unary());
        }
        return left;
    }

    private Predicate<RowView> unary() {
        FilterTokens.Token t = next("a comparison, NOT or '('");
        if (isKeyword(t, "NOT", "!")) {
            return unary().negate();
        }
        if (t.kind() == FilterTokens.Kind.OPEN) {
            Predicate<RowView> inner = or();
            FilterTokens.Token close = next("')'");
            if (close.kind() != FilterTokens.Kind.CLOSE) {
                throw error("expected ')'", close);
            }
            return inner;
        }
        boolean quotedField = t.kind() == FilterTokens.Kind.STRING;
        if (!quotedField && (t.kind() != FilterTokens.Kind.WORD || isKeyword(t, "AND", "&&") || isKeyword(t, "OR", "||"))) {
            throw error("expected a field name", t);
        }
        Field field = FieldResolver.resolve(t.text(), catalog);
        if (field.metric() != null) {
            metrics.add(field.metric());
        }
        FilterTokens.Token op = next("an operator (= != < <= > >= ~)");
        if (op.kind() != FilterTokens.Kind.OP) {
            throw error("expected an operator (= != < <= > >= ~) after '" + t.text() + "'", op);
        }
        FilterTokens.Token literal = next("a value");
        if (literal.kind() != FilterTokens.Kind.WORD && literal.kind() != FilterTokens.Kind.STRING) {
            throw error("expected a value after '" + op.text() + "'", literal);
        }
        Comparison c = Comparison.of(op.text(), literal.text(), literal.kind() == FilterTokens.Kind.STRING);
        return row -> c.test(field.of(row));
    }

    private boolean peekKeyword(String word, String symbol) {
        return pos < tokens.size() && isKeyword(tokens.get(pos), word, symbol);
    }

    private static boolean isKeyword(FilterTokens.Token t, String word, String symbol) {
        return (t.kind() == FilterTokens.Kind.WORD && t.text().toUpperCase(Locale.ROOT).equals(word))
                || (t.kind() == FilterTokens.Kind.SYMBOL && t.text().equals(symbol));
    }

    private FilterTokens.Token next(String expected) {
        if (pos >= tokens.size()) {
            throw new FilterException("filter '" + source + "': expected " + expected + " at the end");
        }
        return tokens.get(pos++);
    }

    private FilterException error(String expected, FilterTokens.Token got) {
        return new FilterException("filter '" + source + "': " + expected + " at position " + (got.position() + 1)
                + ", got '" + got.text() + "'");
    }
}
