package org.m365mcp.cache.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether the store's file is encrypted.
 *
 * <p>Why there is a choice at all: to show what encryption costs, the benchmarks run the very same
 * store code (SQL, pragmas, codec) on a plain SQLite file. Production must never get there:
 *
 * <ul>
 *   <li>this enum is package-private, no public method takes it and no setting or environment
 *       variable is read for it; every public open ({@link CacheStore#open},
 *       {@link StoreOpener#open}) is {@link #SQLCIPHER};
 *   <li>{@link #NONE} is chosen only by the package-private {@link CacheStore#openUnencrypted},
 *       whose one caller outside the tests is a bridge class in the JMH sources, which are never
 *       packaged into the WAR;
 *   <li>even then, {@link #requireDisposablePlainFile} refuses a file outside the temporary
 *       directory or one that is not plain SQLite: a real (encrypted) cache is never opened, and
 *       no plaintext cache is written where a configured cache could live.
 * </ul>
 */
enum StoreEncryption {

    /** SQLCipher 4 with the cache key: what every public open uses. */
    SQLCIPHER,

    /** Plain SQLite: no key, no cipher properties; otherwise the same connection and store. */
    NONE;

    /**
     * Refuses {@code file} for an unencrypted store unless it lies under {@code java.io.tmpdir} and
     * is absent, empty or already plain SQLite.
     *
     * @throws StoreException naming the reason; the file is not touched
     */
    static void requireDisposablePlainFile(Path file) {
        Path temporary =
                Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize();
        Path absolute = file.toAbsolutePath().normalize();
        if (!absolute.startsWith(temporary)) {
            throw new StoreException(
                    "An unencrypted store is for benchmarks only and must live under " + temporary + ", not at "
                            + absolute,
                    null);
        }
        try {
            if (Files.exists(absolute) && Files.size(absolute) > 0 && !StoreOpener.isPlainSqlite(absolute)) {
                throw new StoreException(
                        "Not opening " + absolute + " unencrypted: it is not a plain SQLite"
                                + " file (an encrypted cache stays encrypted)",
                        null);
            }
        } catch (IOException e) {
            throw new StoreException("Cannot inspect " + absolute + ": " + e.getMessage(), e);
        }
    }
}
