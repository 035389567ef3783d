package org.m365mcp.cache.store;

import java.util.Objects;

/**
 * What {@link CacheStore#write} did.
 *
 * @param stored false when the payload was over the entry size limit and nothing was written
 * @param evicted entries of the same account evicted to keep it within its entry cap (least
 *     recently accessed first); {@link Removal#NONE} if none
 */
public record WriteResult(boolean stored, Removal evicted) {

    static final WriteResult NOT_STORED = new WriteResult(false, Removal.NONE);

    public WriteResult {
        Objects.requireNonNull(evicted, "evicted");
    }
}
