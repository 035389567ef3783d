package org.m365mcp.cache.annotation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.m365mcp.cache.entries.CacheEntryEnvelope;
import org.m365mcp.cache.entries.TtlPolicy;

/** When a failed fetch is answered from the cache (stale-if-error), and what the answer says. */
class StaleIfErrorTest {

    private static final Instant FETCHED = Instant.parse("2026-12-07T08:00:00Z");
    /** Fresh 2 min, stale until 10 min after it was fetched. */
    private static final CacheEntryEnvelope ENTRY = new TtlPolicy(Duration.ofMinutes(2), Duration.ofMinutes(10))
            .envelope("{}".getBytes(StandardCharsets.UTF_8), FETCHED);

    private static final Duration DAY = Duration.ofHours(24);
    private static final Optional<String> GRAPH_503 = Optional.of("Microsoft Graph failed (HTTP 503)");

    private static Optional<CacheEntryEnvelope> servable(
            boolean forceRefresh, Optional<String> sourceFailed, Instant now, Duration max) {
        return StaleIfError.servable(forceRefresh, sourceFailed, () -> ENTRY, now, max);
    }

    @Test
    void servable_graphUnavailable_entryExpiredHoursAgo_answers() {
        Instant now = FETCHED.plus(Duration.ofHours(3));

        assertThat(servable(false, GRAPH_503, now, DAY)).contains(ENTRY);
    }

    @Test
    void servable_entryStillStale_answers() {
        assertThat(servable(false, GRAPH_503, FETCHED.plus(Duration.ofMinutes(5)), DAY))
                .contains(ENTRY);
    }

    @Test
    void servable_justUnderMaxPastTheStaleEnd_answers_atMaxIsTooOld() {
        Instant staleEnd = ENTRY.staleUntil();

        assertThat(servable(false, GRAPH_503, staleEnd.plus(DAY).minusMillis(1), DAY))
                .contains(ENTRY);
        assertThat(servable(false, GRAPH_503, staleEnd.plus(DAY), DAY)).isEmpty();
    }

    @Test
    void servable_forceRefresh_neverAnswers_soTheFailureReachesTheCaller() {
        assertThat(servable(true, GRAPH_503, FETCHED.plus(Duration.ofHours(3)), DAY))
                .isEmpty();
    }

    @Test
    void servable_failureGraphAnswered_suchAs404_neverAnswers() {
        assertThat(servable(false, Optional.empty(), FETCHED.plus(Duration.ofHours(3)), DAY))
                .isEmpty();
    }

    @Test
    void servable_settingZero_isOff() {
        assertThat(servable(false, GRAPH_503, FETCHED.plus(Duration.ofMinutes(11)), Duration.ZERO))
                .isEmpty();
    }

    @Test
    void servable_nothingCached_isEmpty() {
        assertThat(StaleIfError.servable(false, GRAPH_503, () -> null, FETCHED, DAY))
                .isEmpty();
    }

    @Test
    void servable_failureThatCannotBeServed_neverReadsTheCache() {
        AtomicInteger reads = new AtomicInteger();
        Supplier<CacheEntryEnvelope> entry = () -> {
            reads.incrementAndGet();
            return ENTRY;
        };

        StaleIfError.servable(false, Optional.empty(), entry, FETCHED, DAY);
        StaleIfError.servable(true, GRAPH_503, entry, FETCHED, DAY);
        StaleIfError.servable(false, GRAPH_503, entry, FETCHED, Duration.ZERO);

        assertThat(reads).hasValue(0);
    }

    @Test
    void info_saysStaleIfError_whenFetched_andWhyTheDataIsOld() {
        CacheInfo info = StaleIfError.info(
                ENTRY,
                GRAPH_503.get(),
                FETCHED.plus(Duration.ofHours(3).plusMinutes(12).plusSeconds(40)));

        assertThat(info.state()).isEqualTo("stale_if_error");
        assertThat(info.cachedAt()).isEqualTo(FETCHED);
        assertThat(info.note()).isEqualTo("Microsoft Graph failed (HTTP 503); this is cached data from 3 h 12 min ago");
    }

    @Test
    void age_twoLargestUnits_roundedDown() {
        assertThat(StaleIfError.age(Duration.ofSeconds(45))).isEqualTo("45 s");
        assertThat(StaleIfError.age(Duration.ofMinutes(12).plusSeconds(59))).isEqualTo("12 min");
        assertThat(StaleIfError.age(Duration.ofHours(3))).isEqualTo("3 h");
        assertThat(StaleIfError.age(Duration.ofHours(26).plusMinutes(5))).isEqualTo("1 d 2 h");
        assertThat(StaleIfError.age(Duration.ofDays(2))).isEqualTo("2 d");
    }
}
