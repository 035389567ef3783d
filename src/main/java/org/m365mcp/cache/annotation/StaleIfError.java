package org.m365mcp.cache.annotation;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.m365mcp.cache.entries.CacheEntryEnvelope;

/**
 * Stale-if-error: when a cached call's fetch failed, whether its cached entry answers instead.
 *
 * <ul>
 *   <li>Only when the source could not answer ({@link SourceFailures}: unreachable, no answer in time,
 *       5xx, 429 past the retries), the call did not ask {@code force_refresh}, the setting
 *       {@code m365.mcp.cache.max-stale-if-error} is above zero, and the entry is less than that past
 *       its stale end. A normal read never gets here: past stale is fetched again.</li>
 *   <li>The answer says {@code stale_if_error}, when the data was fetched, and why it is old.</li>
 *   <li>Stateless; time is the caller's {@code now}.</li>
 * </ul>
 */
final class StaleIfError {

    private StaleIfError() {}

    /**
     * The entry that may answer in place of the failure, or empty when the failure must reach the
     * caller. {@code entry} is asked only when the failure allows a cached answer; it may give null.
     *
     * @param forceRefresh whether the call asked for Graph's answer ({@code force_refresh}): then never
     * @param sourceFailed what {@link SourceFailures#unavailable} said of the failure
     */
    static Optional<CacheEntryEnvelope> servable(
            boolean forceRefresh,
            Optional<String> sourceFailed,
            Supplier<CacheEntryEnvelope> entry,
            Instant now,
            Duration maxStaleIfError) {
        if (forceRefresh || maxStaleIfError.isZero() || sourceFailed.isEmpty()) {
            return Optional.empty();
        }
        return Optional.ofNullable(entry.get())
                .filter(cached -> now.isBefore(cached.staleUntil().plus(maxStaleIfError)));
    }

    /** The cache info of {@code entry} served because the source failed as {@code sourceFailed} says. */
    static CacheInfo info(CacheEntryEnvelope entry, String sourceFailed, Instant now) {
        return new CacheInfo(
                CacheInfo.STALE_IF_ERROR,
                entry.createdAt(),
                sourceFailed + "; this is cached data from " + age(Duration.between(entry.createdAt(), now)) + " ago");
    }

    /** {@code 45 s}, {@code 12 min}, {@code 3 h 12 min}, {@code 1 d 2 h}: the two largest units, rounded down. */
    static String age(Duration age) {
        long seconds = Math.max(0, age.getSeconds());
        long days = seconds / 86_400;
        long hours = seconds % 86_400 / 3_600;
        long minutes = seconds % 3_600 / 60;
        if (days > 0) {
            return hours > 0 ? days + " d " + hours + " h" : days + " d";
        }
        if (hours > 0) {
            return minutes > 0 ? hours + " h " + minutes + " min" : hours + " h";
        }
        return minutes > 0 ? minutes + " min" : seconds + " s";
    }
}
