package io.tunelab.search.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunelab.search.SearchException;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class BearerTokenTest {
    private final BearerToken token = new BearerToken("s3cret");

    @Test
    void aRequestPresentsTheTokenAsBearerOrInItsOwnHeader() {
        assertThat(token.presentedIn("Bearer s3cret", null)).isTrue();
        assertThat(token.presentedIn("bearer  s3cret ", null)).isTrue();
        assertThat(token.presentedIn(null, "s3cret")).isTrue();
        assertThat(token.presentedIn(null, null)).isFalse();
        assertThat(token.presentedIn("Bearer s3cre", null)).isFalse();
        assertThat(token.presentedIn("Basic s3cret", null)).isFalse();
        assertThat(token.presentedIn("Bearer wrong", "s3cret")).isFalse();
    }

    @Test
    void randomTokensDifferAndNoTokenShowsInToString() {
        SecureRandom random = new SecureRandom();
        BearerToken a = BearerToken.random(random);
        assertThat(a.value()).matches("[0-9a-f]{48}");
        assertThat(a).isNotEqualTo(BearerToken.random(random));
        assertThat(token.toString()).doesNotContain("s3cret");
    }

    @Test
    void aBlankTokenIsRefused() {
        assertThatThrownBy(() -> new BearerToken("  ")).isInstanceOf(SearchException.class).hasMessageContaining("blank");
    }

    @Test
    void loopbackAddressesAreTellable() {
        assertThat(BindAddress.isLoopback("127.0.0.1")).isTrue();
        assertThat(BindAddress.isLoopback("::1")).isTrue();
        assertThat(BindAddress.isLoopback("0.0.0.0")).isFalse();
    }
}
