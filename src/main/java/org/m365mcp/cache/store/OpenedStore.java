package org.m365mcp.cache.store;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of {@link StoreOpener#open}: the usable store, and where earlier data was kept.
 *
 * @param store the open store, never null
 * @param setAside the previous database file, set aside (unreadable, unencrypted or damaged) and
 *     kept for recovery
 * @param unencryptedBackup the plaintext copy kept when an unencrypted cache was just encrypted
 */
public record OpenedStore(CacheStore store, Optional<SetAside> setAside, Optional<Path> unencryptedBackup) {

    public OpenedStore {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(setAside, "setAside");
        Objects.requireNonNull(unencryptedBackup, "unencryptedBackup");
    }
}
