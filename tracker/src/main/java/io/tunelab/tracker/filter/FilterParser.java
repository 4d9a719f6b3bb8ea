package io.tunelab.tracker.filter;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Parses the trials filter language of the dashboard's table and {@code tunelab trials --filter}:
 * <pre>
 *   filter     := or
 *   or         := and ( ("OR" | "||") and )*
 *   and        := unary ( ("AND" | "&amp;&amp;") unary )*
 *   unary      := ("NOT" | "!") unary | "(" or ")" | comparison
 *   comparison := field op literal | field ["NOT"] "IN" "(" literal ("," literal)* ")"
 *   op         := = == != &lt; &lt;= &gt; &gt;= ~ LIKE ILIKE
 * </pre>
 * Fields are resolved by {@link FieldResolver} (quote a name with unusual characters: {@code "my param" > 3});
 * literals are numbers, bare words or quoted strings. Numbers compare numerically, text case-insensitively;
 * {@code ~} means "contains", {@code LIKE}/{@code ILIKE} match SQL patterns ({@link Comparison}). A row without the
 * field fails every comparison. Example: {@code state = COMPLETE AND (lr < 0.01 OR optimizer = adam) AND
 * val_loss.min <= 0.3}. That is the dashboard's dialect; {@link #parseAndOnly} is MLflow's {@code search_runs} dialect:
 * comparisons joined by AND, such as {@code params.lr > 0.01 and metrics.val_accuracy >= 0.9 and state = 'COMPLETE'},
 * text compared case-sensitively by {@code =}, {@code !=}, {@code IN} and the orderings (only {@code ILIKE} and
 * {@code ~} ignore case). Either dialect notes a bare built-in field that is also a parameter's name
 * ({@link TrialFilter#notes}). Stateless and thread-safe; errors are {@link FilterException}s that say where.
 */
public final class FilterParser {
    private static final String OPERATORS = "= != < <= > >= ~ LIKE ILIKE IN";
    private final String source;
    private final List<FilterTokens.Token> tokens;
    private final FieldCatalog catalog;
    private final boolean mlflow;
    private final Set<String> metrics = new HashSet<>();
    private final Set<String> notes = new LinkedHashSet<>();
    private int pos;

    private FilterParser(String source, FieldCatalog catalog, boolean mlflow) {
        this.source = source;
        this.tokens = FilterTokens.of(source);
        this.catalog = catalog;
        this.mlflow = mlflow;
    }

    /** Parses {@code source}; blank means no filter. */
    public static TrialFilter parse(String source, FieldCatalog catalog) {
        return parse(source, catalog, false);
    }

    /**
     * Parses {@code source} as MLflow's filter grammar: comparisons joined by AND; OR, NOT and parentheses (other than
     * an IN list's) are {@link FilterException}s saying that MLflow's syntax has only AND. Text compares as MLflow's
     * does: case-sensitively but for {@code ILIKE}. Blank means no filter.
     */
    public static TrialFilter parseAndOnly(String source, FieldCatalog catalog) {
        return parse(source, catalog, true);
    }

    private static TrialFilter parse(String source, FieldCatalog catalog, boolean mlflow) {
        if (source == null || source.isBlank()) {
            return TrialFilter.NONE;
        }
        FilterParser p = new FilterParser(source.trim(), catalog, mlflow);
        Predicate<TrialView> test = p.or();
        if (p.pos < p.tokens.size()) {
            throw p.error(mlflow ? "expected AND or the end" : "expected AND, OR or the end", p.tokens.get(p.pos));
        }
        return new TrialFilter(source.trim(), test, p.metrics, List.copyOf(p.notes));
    }

    private Predicate<TrialView> or() {
        Predicate<TrialView> left = and();
        while (peekKeyword("OR", "||")) {
            refuseInMlflow(tokens.get(pos), "OR");
            pos++;
            left = left.or(and());
        }
        return left;
    }

    private Predicate<TrialView> and() {
        Predicate<TrialView> left = unary();
        while (peekKeyword("AND", "&&")) {
            pos++;
            left = left.and(unary());
        }
        return left;
    }

    private Predicate<TrialView> unary() {
        FilterTokens.Token t = next(mlflow ? "a comparison" : "a comparison, NOT or '('");
        if (isKeyword(t, "NOT", "!")) {
            refuseInMlflow(t, "NOT");
            return unary().negate();
        }
        if (t.kind() == FilterTokens.Kind.OPEN) {
            refuseInMlflow(t, "parentheses");
            Predicate<TrialView> inner = or();
            FilterTokens.Token close = next("')'");
            if (close.kind() != FilterTokens.Kind.CLOSE) {
                throw error("expected ')'", close);
            }
            return inner;
        }
        return comparison(t);
    }

    private Predicate<TrialView> comparison(FilterTokens.Token t) {
        boolean quotedField = t.kind() == FilterTokens.Kind.STRING;
        if (!quotedField && (t.kind() != FilterTokens.Kind.WORD || isKeyword(t, "AND", "&&") || isKeyword(t, "OR", "||"))) {
            throw error("expected a field name", t);
        }
        Field field = FieldResolver.resolve(t.text(), catalog);
        FieldResolver.shadowedParam(t.text(), catalog).ifPresent(notes::add);
        if (field.metric() != null) {
            metrics.add(field.metric());
        }
        FilterTokens.Token op = next("an operator (" + OPERATORS + ")");
        boolean negated = isKeyword(op, "NOT", "!") && pos < tokens.size() && isKeyword(tokens.get(pos), "IN", "IN");
        if (negated) {
            op = tokens.get(pos++);
        }
        if (isKeyword(op, "IN", "IN")) {
            List<Comparison> any = list(op);
            Predicate<TrialView> in = row -> {
                Object v = field.of(row);
                return any.stream().anyMatch(c -> c.test(v));
            };
            return negated ? row -> field.of(row) != null && !in.test(row) : in;
        }
        String operator = operator(t, op);
        FilterTokens.Token literal = next("a value");
        if (literal.kind() != FilterTokens.Kind.WORD && literal.kind() != FilterTokens.Kind.STRING) {
            throw error("expected a value after '" + op.text() + "'", literal);
        }
        Comparison c = Comparison.of(operator, literal.text(), literal.kind() == FilterTokens.Kind.STRING, !mlflow);
        return row -> c.test(field.of(row));
    }

    /** The operator {@code op} names after the field {@code field}: a symbol, or LIKE or ILIKE in any case. */
    private String operator(FilterTokens.Token field, FilterTokens.Token op) {
        if (op.kind() == FilterTokens.Kind.OP) {
            FilterTokens.Token after = pos < tokens.size() ? tokens.get(pos) : null;
            if (after != null && after.kind() == FilterTokens.Kind.OP && after.position() == op.position() + op.text().length()) {
                throw new FilterException("filter '" + source + "': unknown operator '" + op.text() + after.text()
                        + "' at position " + (op.position() + 1) + ", expected one of " + OPERATORS);
            }
            return op.text();
        }
        String word = op.kind() == FilterTokens.Kind.WORD ? op.text().toUpperCase(Locale.ROOT) : "";
        if (word.equals("LIKE") || word.equals("ILIKE")) {
            return word;
        }
        throw error("expected an operator (" + OPERATORS + ") after '" + field.text() + "'", op);
    }

    /** The comparisons of an IN list: {@code ( literal, literal ... )}, each an equality. */
    private List<Comparison> list(FilterTokens.Token in) {
        FilterTokens.Token open = next("'(' after " + in.text());
        if (open.kind() != FilterTokens.Kind.OPEN) {
            throw error("expected '(' after " + in.text(), open);
        }
        List<Comparison> out = new ArrayList<>();
        while (true) {
            FilterTokens.Token literal = next("a value in the " + in.text() + " list");
            if (literal.kind() != FilterTokens.Kind.WORD && literal.kind() != FilterTokens.Kind.STRING) {
                throw error("expected a value in the " + in.text() + " list", literal);
            }
            out.add(Comparison.of("=", literal.text(), literal.kind() == FilterTokens.Kind.STRING, !mlflow));
            FilterTokens.Token sep = next("',' or ')' to close the " + in.text() + " list");
            if (sep.kind() == FilterTokens.Kind.CLOSE) {
                return out;
            }
            if (sep.kind() != FilterTokens.Kind.COMMA) {
                throw error("expected ',' or ')' in the " + in.text() + " list", sep);
            }
        }
    }

    private void refuseInMlflow(FilterTokens.Token t, String what) {
        if (mlflow) {
            throw error("MLflow's filter syntax joins comparisons with AND only and has no " + what
                    + " (for several values of one field use IN ('a', 'b'))", t);
        }
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
