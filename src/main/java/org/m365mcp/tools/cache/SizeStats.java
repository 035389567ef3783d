package org.m365mcp.tools.cache;

import org.m365mcp.cache.store.StoreSummary;

/**
 * Entries and bytes of one slice of the encrypted store.
 *
 * @param compressionSavedBytes uncompressed − stored bytes: what gzip saved
 */
public record SizeStats(long entries, long storedBytes, long uncompressedBytes, long compressionSavedBytes) {

    static SizeStats of(StoreSummary summary) {
        return new SizeStats(
                summary.entries(),
                summary.storedBytes(),
                summary.uncompressedBytes(),
                Math.max(0, summary.uncompressedBytes() - summary.storedBytes()));
    }
}
