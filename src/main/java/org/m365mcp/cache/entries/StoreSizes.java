package org.m365mcp.cache.entries;

import java.util.Map;
import org.m365mcp.cache.store.CacheStore;
import org.m365mcp.cache.store.StoreSummary;

/**
 * The store's entry count and byte totals, in all, per resource type and per account (each map
 * ordered by name).
 */
public record StoreSizes(
        StoreSummary total, Map<String, StoreSummary> byResourceType, Map<String, StoreSummary> byAccount) {

    /** No store: nothing held. */
    static final StoreSizes NONE = new StoreSizes(new StoreSummary(0, 0, 0), Map.of(), Map.of());

    static StoreSizes of(CacheStore store) {
        return new StoreSizes(store.summary(), store.summaryByResourceType(), store.summaryByAccount());
    }
}
