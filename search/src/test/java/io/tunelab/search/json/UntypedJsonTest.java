package io.tunelab.search.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** UntypedJson reads what Jackson writes into the very values, and classes, that Jackson reads back. */
class UntypedJsonTest {
    private static final JsonMapper JACKSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
            .build();

    private static Object jackson(String json) throws Exception {
        return JACKSON.readValue(json, Object.class);
    }

    @Test
    void randomNestedValuesReadAsJacksonReadsThem() throws Exception {
        SplittableRandom random = new SplittableRandom(41);
        for (int i = 0; i < 3000; i++) {
            Object value = randomValue(random, 0);
            String compact = JACKSON.writeValueAsString(value);
            String pretty = JACKSON.writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsString(value);
            assertThat(UntypedJson.parse(compact)).as(compact).isEqualTo(jackson(compact));
            assertThat(UntypedJson.parse(pretty)).as(pretty).isEqualTo(jackson(pretty));
        }
    }

    @Test
    void numbersGetJacksonsClasses() throws Exception {
        for (String n : List.of("0", "-0", "7", "-2147483648", "2147483647", "2147483648", "-2147483649",
                "9223372036854775807", "9223372036854775808", "-9223372036854775809", "1.0", "-0.0", "1e5", "2E-3",
                "1.5e+300", "1e400", "NaN", "Infinity", "-Infinity", "0.1", "123456789012345678901234567890")) {
            Object ours = UntypedJson.parse(n);
            assertThat(ours).as(n).isEqualTo(jackson(n));
            assertThat(ours.getClass()).as(n).isEqualTo(jackson(n).getClass());
        }
        assertThat(UntypedJson.parse("2147483648")).isInstanceOf(Long.class);
        assertThat(UntypedJson.parse("9223372036854775808")).isEqualTo(new BigInteger("9223372036854775808"));
    }

    @Test
    void stringsWithEscapesAndSurrogatesReadBackExactly() throws Exception {
        for (String json : List.of("\"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\"", "\"\\u00e9\\u20AC\\ud83d\\ude00\"", "\"caf\u00e9 \ud83d\ude00\"",
                "\"\"", "{\"k\\u0000ey\":[true,false,null]}", " [ 1 , { } , [ ] ] ")) {
            assertThat(UntypedJson.parse(json)).as(json).isEqualTo(jackson(json));
        }
    }

    @Test
    void objectsKeepTheirKeyOrderAndARepeatedKeyKeepsItsLastValue() throws Exception {
        Object map = UntypedJson.parse("{\"z\":1,\"a\":2,\"m\":3,\"a\":4}");
        assertThat(map).isInstanceOf(LinkedHashMap.class).isEqualTo(jackson("{\"z\":1,\"a\":2,\"m\":3,\"a\":4}"));
        assertThat(List.copyOf(((Map<?, ?>) map).keySet())).isEqualTo(List.of("z", "a", "m"));
        assertThat(UntypedJson.parse("[1]")).isInstanceOf(ArrayList.class);
    }

    @Test
    void malformedTextIsRejectedWithThePositionAndWhatWasExpected() {
        assertThatThrownBy(() -> UntypedJson.parse("{\"a\":1,}")).isInstanceOf(MalformedJsonException.class)
                .hasMessageContaining("at character 7").hasMessageContaining("a string key");
        assertThatThrownBy(() -> UntypedJson.parse("[1 2]")).hasMessageContaining("expected ']'");
        assertThatThrownBy(() -> UntypedJson.parse("\"open")).hasMessageContaining("closing quote");
        assertThatThrownBy(() -> UntypedJson.parse("")).hasMessageContaining("expected a value before the end");
        assertThatThrownBy(() -> UntypedJson.parse("not json")).hasMessageContaining("got 'not json'");
        assertThatThrownBy(() -> UntypedJson.parse("1.2.3")).hasMessageContaining("expected a number");
        assertThatThrownBy(() -> UntypedJson.parse("\"\\x\"")).hasMessageContaining("valid escape");
        assertThatThrownBy(() -> UntypedJson.parse("\"\\u12\"")).hasMessageContaining("hex digits");
        assertThatThrownBy(() -> UntypedJson.parse(null)).isInstanceOf(MalformedJsonException.class);
    }

    private static Object randomValue(SplittableRandom r, int depth) {
        int kind = r.nextInt(depth > 3 ? 7 : 9);
        return switch (kind) {
            case 0 -> null;
            case 1 -> r.nextBoolean();
            case 2 -> r.nextInt(Integer.MIN_VALUE, Integer.MAX_VALUE);
            case 3 -> r.nextLong();
            case 4 -> randomDouble(r);
            case 5 -> randomString(r);
            case 6 -> new BigInteger(70 + r.nextInt(40), new Random(r.nextLong())).negate();
            case 7 -> {
                List<Object> list = new ArrayList<>();
                for (int i = r.nextInt(5); i > 0; i--) {
                    list.add(randomValue(r, depth + 1));
                }
                yield list;
            }
            default -> {
                Map<String, Object> map = new LinkedHashMap<>();
                for (int i = r.nextInt(5); i > 0; i--) {
                    map.put(randomString(r), randomValue(r, depth + 1));
                }
                yield map;
            }
        };
    }

    private static double randomDouble(SplittableRandom r) {
        return switch (r.nextInt(6)) {
            case 0 -> Double.NaN;
            case 1 -> r.nextBoolean() ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
            case 2 -> -0.0;
            case 3 -> Double.longBitsToDouble(r.nextLong() & 0x7FEFFFFFFFFFFFFFL) * (r.nextBoolean() ? 1 : -1);
            case 4 -> Math.round(r.nextDouble() * 100);
            default -> r.nextGaussian() * Math.pow(10, r.nextInt(-20, 20));
        };
    }

    private static String randomString(SplittableRandom r) {
        StringBuilder s = new StringBuilder();
        for (int i = r.nextInt(8); i > 0; i--) {
            int pick = r.nextInt(6);
            s.appendCodePoint(switch (pick) {
                case 0 -> r.nextInt(0, 32);
                case 1 -> "\"\\/".charAt(r.nextInt(3));
                case 2 -> r.nextInt(0x80, 0x800);
                case 3 -> r.nextInt(0x1F600, 0x1F650);
                default -> r.nextInt('a', 'z' + 1);
            });
        }
        return s.toString();
    }
}
