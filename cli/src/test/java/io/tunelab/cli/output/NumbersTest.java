package io.tunelab.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NumbersTest {

    /** The definition: %.6g with trailing zeros after the point (and a trailing point) removed, unless scientific. */
    private static String byFormat(double d) {
        if (!Double.isFinite(d)) {
            return String.valueOf(d);
        }
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return String.valueOf((long) d);
        }
        String s = String.format(Locale.ROOT, "%.6g", d);
        return s.contains("e") || !s.contains(".") ? s : s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    @Test
    void integersAreWrittenWithoutDecimals() {
        assertThat(Numbers.compact(128)).isEqualTo("128");
        assertThat(Numbers.compact(-3)).isEqualTo("-3");
        assertThat(Numbers.compact(-0.0)).isEqualTo("0");
    }

    @Test
    void othersHaveSixSignificantDigitsWithoutTrailingZeros() {
        assertThat(Numbers.compact(0.0010471534)).isEqualTo("0.00104715");
        assertThat(Numbers.compact(0.05016194)).isEqualTo("0.0501619");
        assertThat(Numbers.compact(12.5)).isEqualTo("12.5");
        assertThat(Numbers.compact(123456.7)).isEqualTo("123457");
        assertThat(Numbers.compact(0.000099999996)).isEqualTo("0.0001");
    }

    @Test
    void aValueThatRoundsToAWholeNumberKeepsTheZerosBeforeThePoint() {
        assertThat(Numbers.compact(100000.4)).isEqualTo("100000");
        assertThat(Numbers.compact(958299.5)).isEqualTo("958300");
        assertThat(Numbers.compact(-4999.9999)).isEqualTo("-5000");
    }

    @Test
    void verySmallAndVeryLargeValuesAreScientific() {
        assertThat(Numbers.compact(3e-5)).isEqualTo("3.00000e-05");
        assertThat(Numbers.compact(999999.7)).isEqualTo("1.00000e+06");
        assertThat(Numbers.compact(2.5e20)).isEqualTo("2.50000e+20");
        assertThat(Numbers.compact(Double.NaN)).isEqualTo("NaN");
        assertThat(Numbers.compact(Double.NEGATIVE_INFINITY)).isEqualTo("-Infinity");
    }

    @Test
    void agreesWithTheFormatDefinitionOnSeededValuesOfEveryMagnitudeIncludingRoundingTies() {
        SplittableRandom random = new SplittableRandom(17);
        for (int i = 0; i < 200_000; i++) {
            double d = switch (i % 4) {
                case 0 -> random.nextDouble(-1, 1) * Math.pow(10, random.nextInt(-8, 9));
                case 1 -> Math.round(random.nextDouble() * 1e7) / Math.pow(10, random.nextInt(0, 12));
                case 2 -> (random.nextInt(1, 2_000_000) + 0.5) / Math.pow(10, random.nextInt(0, 10));
                default -> Double.longBitsToDouble(random.nextLong());
            };
            assertThat(Numbers.compact(d)).as("value %s", d).isEqualTo(byFormat(d));
        }
    }
}
