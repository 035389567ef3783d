package org.m365mcp.cache.store;

import java.time.Instant;
import java.util.Objects;

/**
 * One cached result as the store holds it.
 *
 * <ul>
 *   <li>{@code payload} is the uncompressed bytes; compression is the store's business. The array
 *       is not copied: callers must not change it after handing it over.
 *   <li>Times are stored at millisecond precision.
 *   <li>{@code metadataJson} may be null; everything else is required.
 * </ul>
 */
public record StoredEntry(
        String key,
        String accountId,
        String resourceType,
        byte[] payload,
        Instant createdAt,
        Instant expiresAt,
        String metadataJson) {

    public StoredEntry {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(resourceType, "resourceType");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    @Override
    public String toString() {
        return "StoredEntry[key=" + key + ", accountId=" + accountId + ", resourceType=" + resourceType
                + ", payload=" + payload.length + " bytes, createdAt=" + createdAt
                + ", expiresAt=" + expiresAt + "]";
    }
}
