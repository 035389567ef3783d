package org.m365mcp.cache.entries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CacheEntryEnvelopeTest {

    private static final Instant CREATED = Instant.parse("2026-11-21T08:00:00Z");
    private final CacheEntryEnvelope envelope =
            new TtlPolicy(Duration.ofMinutes(2), Duration.ofMinutes(10)).envelope(new byte[] {1}, CREATED);

    @Test
    void state_justBeforeFreshTtl_isFresh() {
        Instant now = CREATED.plus(Duration.ofMinutes(2)).minusNanos(1);

        assertThat(envelope.isFresh(now)).isTrue();
        assertThat(envelope.isStale(now)).isFalse();
        assertThat(envelope.isExpired(now)).isFalse();
    }

    @Test
    void state_atFreshTtl_isStale() {
        Instant now = CREATED.plus(Duration.ofMinutes(2));

        assertThat(envelope.isFresh(now)).isFalse();
        assertThat(envelope.isStale(now)).isTrue();
    }

    @Test
    void state_justBeforeStaleTtl_isStale() {
        assertThat(envelope.isStale(CREATED.plus(Duration.ofMinutes(10)).minusNanos(1)))
                .isTrue();
    }

    @Test
    void state_atStaleTtl_isExpired() {
        Instant now = CREATED.plus(Duration.ofMinutes(10));

        assertThat(envelope.isStale(now)).isFalse();
        assertThat(envelope.isExpired(now)).isTrue();
    }

    @Test
    void ttlPolicy_staleShorterThanFresh_isRejected() {
        assertThatThrownBy(() -> new TtlPolicy(Duration.ofMinutes(5), Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
