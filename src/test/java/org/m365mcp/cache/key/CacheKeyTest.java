package org.m365mcp.cache.key;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class CacheKeyTest {

    @Test
    void of_null_throwsIllegalArgument() {
        assertThatThrownBy(() -> CacheKey.of(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void of_blank_throwsWithoutTheValue() {
        assertThatThrownBy(() -> CacheKey.of("   \t"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("\t");
    }

    @Test
    void generate_returnsBase64Of32Bytes() {
        CacheKey key = CacheKey.generate(new SecureRandom());

        assertThat(Base64.getDecoder().decode(key.secret())).hasSize(32);
    }

    @Test
    void generate_twice_returnsDifferentKeys() {
        SecureRandom random = new SecureRandom();

        assertThat(CacheKey.generate(random)).isNotEqualTo(CacheKey.generate(random));
    }

    @Test
    void toString_neverShowsSecret() {
        CacheKey key = CacheKey.of("very-secret-passphrase");

        assertThat(key).hasToString("CacheKey[redacted]");
        assertThat(new ResolvedKey(key, KeySource.ENVIRONMENT).toString()).doesNotContain("very-secret-passphrase");
    }

    @Test
    void equals_sameSecret_isEqual() {
        assertThat(CacheKey.of("a")).isEqualTo(CacheKey.of("a")).hasSameHashCodeAs(CacheKey.of("a"));
        assertThat(CacheKey.of("a")).isNotEqualTo(CacheKey.of("b"));
    }
}
