package org.m365mcp.cache.store;

import java.time.Instant;
import java.util.Objects;

/**
 * One audited invalidation (a row of {@code cache_invalidation}).
 *
 * @param accountId the account whose entries the pattern was applied to
 * @param resourceType the resource type it was limited to, or null for all types
 * @param pattern the pattern as given ({@code *} is the wildcard)
 * @param reason why, as the caller said (e.g. the write tool that changed the data)
 * @param invalidatedAt when, by the store's clock
 * @param entriesInvalidated how many entries it removed
 */
public record InvalidationRecord(
        String accountId,
        String resourceType,
        String pattern,
        String reason,
        Instant invalidatedAt,
        int entriesInvalidated) {

    public InvalidationRecord {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(invalidatedAt, "invalidatedAt");
    }
}
