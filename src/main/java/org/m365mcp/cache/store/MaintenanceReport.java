package org.m365mcp.cache.store;

/**
 * What {@link CacheStore#maintain(double)} did to the database file.
 *
 * @param pagesBefore pages in the file before ({@code page_count})
 * @param freePagesBefore of those, pages on the free list ({@code freelist_count})
 * @param vacuumed whether {@code VACUUM} ran (the free pages reached the threshold)
 * @param pagesAfter pages in the file afterwards
 * @param pageSize bytes per page
 */
public record MaintenanceReport(
        long pagesBefore, long freePagesBefore, boolean vacuumed, long pagesAfter, long pageSize) {

    /** Bytes the file shrank by: zero unless {@code VACUUM} ran. */
    public long reclaimedBytes() {
        return Math.max(0, pagesBefore - pagesAfter) * pageSize;
    }
}
