package io.tunelab.trainers.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PromotionGateTest {

    /** n examples: first {@code b} right only for the challenger, next {@code c} right only for the champion, rest both right. */
    private static double[][] outcomes(int n, int b, int c) {
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i < b ? 1 : i < b + c ? 0 : 1;
            y[i] = i < b ? 0 : 1;
        }
        return new double[][] {x, y};
    }

    @Test
    void mcnemarPromotesAClearlyBetterChallenger() {
        double[][] s = outcomes(1000, 30, 10);
        GateVerdict v = new McNemarGate().judge(s[0], s[1], 0.95);
        // P(X >= 30) for X ~ Binomial(40, 1/2), computed by hand: 0.0011
        assertThat(v.pValue()).isCloseTo(0.001111, within(2e-5));
        assertThat(v.promote()).isTrue();
        assertThat(v.challengerScore()).isCloseTo(0.99, within(1e-12));
        assertThat(v.championScore()).isCloseTo(0.97, within(1e-12));
        assertThat(v.reason()).contains("30").contains("10");
    }

    @Test
    void mcnemarKeepsTheChampionWhenTheDifferenceIsNoise() {
        double[][] s = outcomes(1000, 12, 10);
        GateVerdict v = new McNemarGate().judge(s[0], s[1], 0.95);
        assertThat(v.promote()).isFalse();
        assertThat(v.pValue()).isGreaterThan(0.3);
    }

    @Test
    void mcnemarNeverPromotesAWorseChallenger() {
        double[][] s = outcomes(1000, 5, 50);
        assertThat(new McNemarGate().judge(s[0], s[1], 0.5).promote()).isFalse();
    }

    @Test
    void mcnemarRejectsContinuousScores() {
        assertThatThrownBy(() -> new McNemarGate().judge(new double[] {0.5}, new double[] {1}, 0.95))
                .isInstanceOf(GateException.class).hasMessageContaining("0.5").hasMessageContaining("paired-t");
    }

    @Test
    void pairedTMatchesAHandComputedStatistic() {
        // differences 1, 2, 3, 4: mean 2.5, sd 1.2910, t = 3.873 with 3 dof, one-sided p = 0.01522
        double[] challenger = {1, 2, 3, 4};
        double[] champion = {0, 0, 0, 0};
        GateVerdict v = new PairedTGate().judge(challenger, champion, 0.95);
        assertThat(v.pValue()).isCloseTo(0.01522, within(1e-4));
        assertThat(v.promote()).isTrue();
        assertThat(new PairedTGate().judge(challenger, champion, 0.99).promote()).isFalse();
    }

    @Test
    void pairedTWithIdenticalScoresDoesNotPromote() {
        double[] same = {0.2, 0.4, 0.6};
        GateVerdict v = new PairedTGate().judge(same, same.clone(), 0.95);
        assertThat(v.promote()).isFalse();
        assertThat(v.pValue()).isEqualTo(1.0);
    }

    @Test
    void gatesAreFoundByNameAndBadInputIsNamed() {
        assertThat(PromotionGate.named("McNemar")).isInstanceOf(McNemarGate.class);
        assertThat(PromotionGate.named("paired-t")).isInstanceOf(PairedTGate.class);
        assertThatThrownBy(() -> PromotionGate.named("wilcoxon")).hasMessageContaining("'wilcoxon'");
        assertThatThrownBy(() -> new PairedTGate().judge(new double[] {1}, new double[] {1, 2}, 0.95))
                .hasMessageContaining("1 and 2");
        assertThatThrownBy(() -> new PairedTGate().judge(new double[] {1}, new double[] {1}, 1.5))
                .hasMessageContaining("1.5");
    }

    @Test
    void theVerdictBecomesAnAuditRecord() {
        double[][] s = outcomes(100, 20, 0);
        assertThat(new McNemarGate().judge(s[0], s[1], 0.95).toMap())
                .containsEntry("test", "mcnemar").containsEntry("promote", true).containsKeys("p_value", "reason");
    }
}
