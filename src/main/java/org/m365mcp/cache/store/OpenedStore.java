package org.m365mcp.cache.store;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of {@link StoreOpener#open}: the usable store and, if the previous file could not be
 * read with the key, where it was moved.
 *
 * @param store the open store, never null
 * @param setAside the path of the previous, unreadable database file kept for recovery
 */
public record OpenedStore(CacheStore store, Optional<Path> setAside) {

  public OpenedStore {
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(setAside, "setAside");
  }
}
