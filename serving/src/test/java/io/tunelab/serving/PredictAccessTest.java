package io.tunelab.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunelab.search.access.BearerToken;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class PredictAccessTest {
    private final SecureRandom random = new SecureRandom();

    @Test
    void onLoopbackNoTokenIsNeededButBeyondItARandomOneIsMade() {
        assertThat(PredictAccess.defaults().tokenFor("127.0.0.1", random)).isNull();
        assertThat(PredictAccess.defaults().tokenFor("localhost", random)).isNull();
        assertThat(PredictAccess.defaults().tokenFor("0.0.0.0", random).value()).hasSize(48);
        assertThat(PredictAccess.defaults().tokenFor("0.0.0.0", random))
                .isNotEqualTo(PredictAccess.defaults().tokenFor("0.0.0.0", random));
    }

    @Test
    void aGivenTokenIsAskedForEverywhereAndOpenAsksForNone() {
        BearerToken given = new BearerToken("from-a-file");
        assertThat(new PredictAccess(given, false).tokenFor("0.0.0.0", random)).isSameAs(given);
        assertThat(new PredictAccess(given, false).tokenFor("127.0.0.1", random)).isSameAs(given);
        assertThat(new PredictAccess(null, true).tokenFor("0.0.0.0", random)).isNull();
    }

    @Test
    void openWithATokenIsAContradiction() {
        assertThatThrownBy(() -> new PredictAccess(new BearerToken("t"), true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("public");
    }

    @Test
    void aRefusedRequestIsToldWhereItsTokenIs() {
        assertThat(new PredictAccess(new BearerToken("from-a-file"), false).whereTheTokenIs()).contains("--token-file");
        assertThat(PredictAccess.defaults().whereTheTokenIs()).contains("printed when `tunelab serve` starts");
    }
}
