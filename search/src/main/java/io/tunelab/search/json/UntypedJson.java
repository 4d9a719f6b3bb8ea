package io.tunelab.search.json;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads JSON text into plain Java values the way Jackson's {@code readValue(text, Object.class)} does, without
 * Jackson: objects as insertion-ordered {@code LinkedHashMap<String, Object>} (a repeated key keeps its last value),
 * arrays as {@code ArrayList}, strings, {@code Boolean}, {@code null}, integers as {@code Integer}, {@code Long} when
 * they do not fit an int and {@code BigInteger} when they do not fit a long, and numbers with a fraction or an exponent
 * as {@code Double}; the bare tokens {@code NaN}, {@code Infinity}, {@code +Infinity} and {@code -Infinity} (Jackson's
 * non-numeric numbers) read as doubles. Text after the first value is ignored, as Jackson does by default.
 *
 * <p>It exists so that commands which only read the tracker ({@code tunelab studies}, {@code best}) start without
 * initialising Jackson's data binding, which costs a new JVM a few hundred milliseconds. Thread-safe (stateless).
 */
public final class UntypedJson {
    private final String text;
    private int pos;

    private UntypedJson(String text) {
        this.text = text;
    }

    /** The value of {@code text}; {@link MalformedJsonException} naming the position when it is not JSON. */
    public static Object parse(String text) {
        if (text == null) {
            throw new MalformedJsonException("JSON text is null");
        }
        UntypedJson reader = new UntypedJson(text);
        return reader.value();
    }

    private Object value() {
        skipSpace();
        if (pos >= text.length()) {
            throw error("a value");
        }
        char c = text.charAt(pos);
        return switch (c) {
            case '{' -> object();
            case '[' -> array();
            case '"' -> string();
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", null);
            case 'N' -> literal("NaN", Double.NaN);
            case 'I' -> literal("Infinity", Double.POSITIVE_INFINITY);
            case '+' -> literal("+Infinity", Double.POSITIVE_INFINITY);
            default -> number();
        };
    }

    private Map<String, Object> object() {
        Map<String, Object> map = new LinkedHashMap<>();
        pos++;
        skipSpace();
        if (peek() == '}') {
            pos++;
            return map;
        }
        while (true) {
            skipSpace();
            if (peek() != '"') {
                throw error("a string key");
            }
            String key = string();
            skipSpace();
            expect(':');
            map.put(key, value());
            skipSpace();
            if (peek() == ',') {
                pos++;
            } else {
                expect('}');
                return map;
            }
        }
    }

    private List<Object> array() {
        List<Object> list = new ArrayList<>();
        pos++;
        skipSpace();
        if (peek() == ']') {
            pos++;
            return list;
        }
        while (true) {
            list.add(value());
            skipSpace();
            if (peek() == ',') {
                pos++;
            } else {
                expect(']');
                return list;
            }
        }
    }

    private String string() {
        pos++;
        StringBuilder out = null;
        int start = pos;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '"') {
                String s = out == null ? text.substring(start, pos) : out.append(text, start, pos).toString();
                pos++;
                return s;
            }
            if (c == '\\') {
                out = out == null ? new StringBuilder() : out;
                out.append(text, start, pos);
                pos++;
                out.append(escape());
                start = pos;
            } else {
                pos++;
            }
        }
        throw error("the closing quote of a string");
    }

    private char escape() {
        char e = pos < text.length() ? text.charAt(pos++) : '\0';
        return switch (e) {
            case '"', '\\', '/' -> e;
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'u' -> unicode();
            default -> throw error("a valid escape after '\\'");
        };
    }

    private char unicode() {
        if (pos + 4 > text.length()) {
            throw error("four hex digits after \\u");
        }
        try {
            char c = (char) Integer.parseInt(text.substring(pos, pos + 4), 16);
            pos += 4;
            return c;
        } catch (NumberFormatException e) {
            throw error("four hex digits after \\u");
        }
    }

    private Object number() {
        int start = pos;
        if (peek() == '-') {
            pos++;
            if (text.startsWith("Infinity", pos)) {
                pos += "Infinity".length();
                return Double.NEGATIVE_INFINITY;
            }
        }
        boolean floating = false;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '.' || c == 'e' || c == 'E') {
                floating = true;
            } else if (!(c >= '0' && c <= '9' || c == '+' || c == '-')) {
                break;
            }
            pos++;
        }
        String token = text.substring(start, pos);
        if (token.isEmpty() || token.equals("-")) {
            throw error("a value");
        }
        try {
            return floating ? (Object) Double.parseDouble(token) : integer(token);
        } catch (NumberFormatException e) {
            pos = start;
            throw error("a number");
        }
    }

    private static Object integer(String token) {
        BigInteger big = new BigInteger(token);
        if (big.bitLength() < 32) {
            return big.intValue();
        }
        return big.bitLength() < 64 ? (Object) big.longValue() : big;
    }

    private Object literal(String word, Object value) {
        if (!text.startsWith(word, pos)) {
            throw error("a value");
        }
        pos += word.length();
        return value;
    }

    private void expect(char c) {
        if (peek() != c) {
            throw error("'" + c + "'");
        }
        pos++;
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private MalformedJsonException error(String expected) {
        String near = text.substring(pos, Math.min(text.length(), pos + 20));
        return new MalformedJsonException("malformed JSON at character " + pos + ": expected " + expected
                + (near.isEmpty() ? " before the end" : ", got '" + near + "'"));
    }
}
