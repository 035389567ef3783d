package org.m365mcp.cache.store;

/**
 * Totals over all entries of the store.
 *
 * @param entries number of entries
 * @param storedBytes bytes of payload as stored (after compression)
 * @param uncompressedBytes bytes of payload before compression
 */
public record StoreSummary(long entries, long storedBytes, long uncompressedBytes) {}
