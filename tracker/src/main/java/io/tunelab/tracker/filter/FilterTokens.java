package io.tunelab.tracker.filter;

import java.util.ArrayList;
import java.util.List;

/** Splits a filter into tokens for {@link FilterParser}. Stateless. */
final class FilterTokens {
    enum Kind { WORD, STRING, OP, OPEN, CLOSE, COMMA, SYMBOL }

    record Token(Kind kind, String text, int position) {
    }

    private FilterTokens() {
    }

    static List<Token> of(String s) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(' || c == ')') {
                out.add(new Token(c == '(' ? Kind.OPEN : Kind.CLOSE, String.valueOf(c), i++));
            } else if (c == ',') {
                out.add(new Token(Kind.COMMA, ",", i++));
            } else if (s.startsWith("&&", i) || s.startsWith("||", i)) {
                out.add(new Token(Kind.SYMBOL, s.substring(i, i + 2), i));
                i += 2;
            } else if (c == '!' && !s.startsWith("!=", i)) {
                out.add(new Token(Kind.SYMBOL, "!", i++));
            } else if ("=!<>~".indexOf(c) >= 0) {
                int start = i++;
                if (i < s.length() && s.charAt(i) == '=' && c != '~') {
                    i++;
                }
                String op = s.substring(start, i);
                out.add(new Token(Kind.OP, op.equals("==") ? "=" : op, start));
            } else if (c == '"' || c == '\'') {
                i = quoted(s, i, out);
            } else {
                int start = i;
                while (i < s.length() && isWordChar(s.charAt(i))) {
                    i++;
                }
                if (start == i) {
                    throw new FilterException("filter '" + s + "': unexpected character '" + c + "' at position "
                            + (i + 1));
                }
                out.add(new Token(Kind.WORD, s.substring(start, i), start));
            }
        }
        return out;
    }

    private static int quoted(String s, int start, List<Token> out) {
        char quote = s.charAt(start);
        StringBuilder text = new StringBuilder();
        int i = start + 1;
        while (i < s.length() && s.charAt(i) != quote) {
            if (s.charAt(i) == '\\' && i + 1 < s.length()) {
                i++;
            }
            text.append(s.charAt(i++));
        }
        if (i >= s.length()) {
            throw new FilterException("filter '" + s + "': the quote opened at position " + (start + 1)
                    + " is never closed");
        }
        out.add(new Token(Kind.STRING, text.toString(), start));
        return i + 1;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || "_.-+/:[]@#%".indexOf(c) >= 0;
    }
}
