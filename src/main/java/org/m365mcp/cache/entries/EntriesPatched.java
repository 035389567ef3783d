package org.m365mcp.cache.entries;

import java.util.Set;

/**
 * What correcting cached results in place did ({@link TieredCaches#patchEntries}), in both tiers.
 *
 * @param patched the keys corrected (they keep their freshness)
 * @param removed the keys removed because they could not be corrected exactly
 */
public record EntriesPatched(Set<String> patched, Set<String> removed) {

    public EntriesPatched {
        patched = Set.copyOf(patched);
        removed = Set.copyOf(removed);
    }
}
