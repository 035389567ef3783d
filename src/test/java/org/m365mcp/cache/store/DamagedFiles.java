package org.m365mcp.cache.store;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Random;
import org.m365mcp.cache.key.CacheKey;

/** Real SQLCipher cache files written by the store, then damaged as a disk or a crash would. */
public final class DamagedFiles {

    /** Entries of 3,000 bytes, about a page each: the file outgrows SQLite's page cache (2 MB). */
    public static final int ENTRIES = 1500;

    private DamagedFiles() {}

    /** Writes {@link #ENTRIES} entries of incompressible bytes to a new store in {@code file}. */
    public static Path storeWithEntries(Path file, CacheKey key, Clock clock) {
        byte[] payload = new byte[3000];
        new Random(42).nextBytes(payload);
        Instant now = clock.instant();
        try (CacheStore store = CacheStore.open(StoreSettings.defaults(file), key, clock)) {
            for (int i = 0; i < ENTRIES; i++) {
                store.write(
                        new StoredEntry("k" + i, "account-1", "email_list", payload, now, now.plusSeconds(600), null));
            }
        }
        return file;
    }

    /** Overwrites four pages in the middle of {@code file} with random bytes. */
    public static void overwriteFourPagesInTheMiddle(Path file) throws IOException {
        try (RandomAccessFile raw = new RandomAccessFile(file.toFile(), "rw")) {
            long pages = raw.length() / SqlCipherKeyCheck.PAGE_SIZE;
            raw.seek(pages / 2 * SqlCipherKeyCheck.PAGE_SIZE);
            byte[] garbage = new byte[4 * SqlCipherKeyCheck.PAGE_SIZE];
            new Random(7).nextBytes(garbage);
            raw.write(garbage);
        }
    }

    /** Cuts {@code file} to half its length. */
    public static void truncateToHalf(Path file) throws IOException {
        try (RandomAccessFile raw = new RandomAccessFile(file.toFile(), "rw")) {
            raw.setLength(raw.length() / 2);
        }
    }
}
