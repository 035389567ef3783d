package org.m365mcp.cache.store;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * A database file the store moved out of its way, byte for byte with its {@code -wal}/{@code -shm},
 * instead of deleting it.
 *
 * @param file where it now lives: a sibling named {@code <name>.<reason>-<yyyyMMdd'T'HHmmss'Z'>}
 * @param reason why it was set aside
 * @param at when
 */
public record SetAside(Path file, Reason reason, Instant at) {

    public SetAside {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(at, "at");
    }

    /** Why a file was set aside. */
    public enum Reason {
        /** The key does not open it (wrong key, or not an encrypted cache of ours). */
        UNREADABLE,
        /** It was a plain SQLite file that could not be encrypted in place. */
        UNENCRYPTED,
        /** The key opens it but SQLite finds it damaged (SQLITE_CORRUPT). */
        CORRUPT;

        /** The lower-case word used in the file name and on readiness. */
        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
