package org.m365mcp.cache.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Entries the store removed: by invalidation, expiry, eviction or cleanup.
 *
 * <p>A caching tier in front of the store must drop the same {@link #keys()}, or it would go on
 * serving what the store no longer holds.
 *
 * @param keys the removed keys, in the order they were chosen (unmodifiable)
 * @param storedBytes their stored (compressed) payload bytes
 */
public record Removal(List<String> keys, long storedBytes) {

    /** Nothing removed. */
    public static final Removal NONE = new Removal(List.of(), 0);

    public Removal {
        keys = List.copyOf(Objects.requireNonNull(keys, "keys"));
        if (storedBytes < 0) {
            throw new IllegalArgumentException("storedBytes must be >= 0");
        }
    }

    /** How many entries were removed. */
    public int count() {
        return keys.size();
    }

    /** This removal followed by {@code other}. */
    public Removal plus(Removal other) {
        List<String> all = new ArrayList<>(keys);
        all.addAll(other.keys);
        return new Removal(all, storedBytes + other.storedBytes);
    }
}
