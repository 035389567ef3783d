package org.m365mcp.cache.entries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The stale-if-error setting as written in configuration. */
class CacheTtlSettingsTest {

    @Test
    void maxStaleIfError_shortFormOrIso_isThatLong() {
        assertThat(CacheTtlSettings.maxStaleIfError("24h")).isEqualTo(Duration.ofHours(24));
        assertThat(CacheTtlSettings.maxStaleIfError(" PT30M ")).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void maxStaleIfError_zero_isOff() {
        assertThat(CacheTtlSettings.maxStaleIfError("0")).isZero();
        assertThat(CacheTtlSettings.maxStaleIfError("0s")).isZero();
    }

    @Test
    void maxStaleIfError_negativeOrNotADuration_isRefusedNamingTheSetting() {
        assertThatThrownBy(() -> CacheTtlSettings.maxStaleIfError("-PT1H"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("m365.mcp.cache.max-stale-if-error");
        assertThatThrownBy(() -> CacheTtlSettings.maxStaleIfError("a day"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("m365.mcp.cache.max-stale-if-error");
    }
}
