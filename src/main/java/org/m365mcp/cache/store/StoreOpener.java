package org.m365mcp.cache.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.m365mcp.cache.key.CacheKey;
import org.m365mcp.cache.key.EncryptionKeyResolver;

/**
 * Opens the cache store and never destroys a database it cannot read.
 *
 * <ul>
 *   <li>First finishes or discards a key rotation a crash interrupted ({@link StoreRekey#recover}).
 *   <li>An unencrypted cache of ours is encrypted in place, keeping a plaintext backup
 *       ({@link PlainCacheMigration}); if that fails before its final rename, or the plain file is
 *       not ours, it is set aside as below. A failed final rename is thrown, for the next start.
 *   <li>A file the key does not open (wrong key, plain SQLite, garbage) is moved, byte for byte
 *       with its {@code -wal}/{@code -shm}, to a sibling named
 *       {@code <name>.unreadable-<yyyyMMdd'T'HHmmss'Z'>} (or {@code .unencrypted-…} for plain
 *       SQLite); a fresh store is then created and a WARNING says how to recover.
 *   <li>Any other failure (permissions, disk) is thrown as {@link StoreException}; nothing moves.
 *   <li>Stateless; concurrent calls on the same file are the caller's problem.
 * </ul>
 */
public final class StoreOpener {

  private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
  static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
  private static final Logger LOG = Logger.getLogger(StoreOpener.class.getName());

  private StoreOpener() {}

  /** Opens the store, encrypting a plain cache or setting an unreadable file aside if need be. */
  public static OpenedStore open(StoreSettings settings, CacheKey key, Clock clock) {
    Path file = settings.databaseFile();
    StoreRekey.recover(file, key);
    Optional<Path> backup = Optional.empty();
    try {
      backup = PlainCacheMigration.migrateIfPlain(file, key, clock);
    } catch (StoreException e) {
      if (Files.exists(MigrationJournal.of(file))) {
        throw e; // failed while swapping: the next start finishes it; setting aside would not help
      }
      LOG.log(Level.WARNING, "The unencrypted cache " + file + " could not be encrypted; it will be"
          + " set aside instead.", e);
    }
    try {
      return new OpenedStore(CacheStore.open(settings, key, clock), Optional.empty(), backup);
    } catch (StoreException e) {
      if (!e.unreadable()) {
        throw e;
      }
    }
    boolean plain = isPlainSqlite(file);
    Path aside = setAside(file, (plain ? ".unencrypted-" : ".unreadable-") + STAMP.format(clock.instant()));
    CacheStore fresh = CacheStore.open(settings, key, clock);
    LOG.warning(plain
        ? "The cache database " + file + " was an unencrypted SQLite file. It was not deleted: it"
            + " was moved to " + aside + " and a new, encrypted cache was created in its place. The"
            + " old file holds cached data in plaintext; delete it once you no longer need it."
        : "The cache database " + file + " could not be opened with the current encryption key."
            + " It was not deleted: it was moved to " + aside + " and a new, empty cache was"
            + " created. To recover it, restore the key it was written with (the OS keyring entry"
            + " '" + EncryptionKeyResolver.KEYRING_SERVICE + "'/'" + EncryptionKeyResolver.KEYRING_USER
            + "' or the environment variable " + EncryptionKeyResolver.ENVIRONMENT_VARIABLE
            + "), stop the server and move the file back to " + file + ".");
    return new OpenedStore(fresh, Optional.of(aside), Optional.empty());
  }

  static boolean isPlainSqlite(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return Arrays.equals(in.readNBytes(SQLITE_HEADER.length), SQLITE_HEADER);
    } catch (IOException e) {
      return false;
    }
  }

  /** Renames {@code file} and its companions to a free sibling name; returns the new main path. */
  private static Path setAside(Path file, String suffix) {
    String base = file.getFileName() + suffix;
    Path target = file.resolveSibling(base);
    for (int n = 1; Files.exists(target); n++) {
      target = file.resolveSibling(base + "-" + n);
    }
    try {
      for (Path source : OwnerOnlyFiles.withCompanions(file)) {
        if (Files.exists(source)) {
          String companion = source.getFileName().toString().substring(file.getFileName().toString().length());
          Files.move(source, target.resolveSibling(target.getFileName() + companion));
        }
      }
    } catch (IOException e) {
      throw new StoreException("Cannot set aside unreadable cache database " + file
          + "; it was left in place: " + e.getMessage(), e);
    }
    return target;
  }
}
