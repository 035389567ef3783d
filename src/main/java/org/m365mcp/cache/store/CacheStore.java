package org.m365mcp.cache.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Logger;
import org.m365mcp.cache.key.CacheKey;

/**
 * The authoritative tier: cache entries in one SQLCipher 4 database file.
 *
 * <ul>
 *   <li>Thread-safe: one JDBC connection guarded by a fair {@link ReentrantLock}; every operation
 *       holds it for its whole duration (reads update {@code accessed_at}, so they write too).
 *   <li>Entries are returned whatever their expiry: freshness is the caller's decision.
 *   <li>Failures surface as {@link StoreException}, whose messages never contain the key.
 *   <li>After {@link #close()} every operation throws {@link StoreException}.
 * </ul>
 */
public final class CacheStore implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(CacheStore.class.getName());

  private final StoreSettings settings;
  private final Clock clock;
  private final Connection connection;
  private final int schemaVersion;
  private final PayloadCodec codec;
  private final ReentrantLock lock = new ReentrantLock(true);
  private boolean closed;

  private CacheStore(StoreSettings settings, Clock clock, Connection connection, int schemaVersion) {
    this.settings = settings;
    this.clock = clock;
    this.connection = connection;
    this.schemaVersion = schemaVersion;
    this.codec = new PayloadCodec(settings.compressionThresholdBytes(), settings.compressionLevel());
  }

  /** Opens with the system UTC clock; see {@link #open(StoreSettings, CacheKey, Clock)}. */
  public static CacheStore open(StoreSettings settings, CacheKey key) {
    return open(settings, key, Clock.systemUTC());
  }

  /**
   * Opens or creates the database and applies pending migrations.
   *
   * @throws StoreException if the file cannot be opened; {@link StoreException#unreadable()} when
   *     the key does not open it (the file is left untouched)
   */
  public static CacheStore open(StoreSettings settings, CacheKey key, Clock clock) {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(clock, "clock");
    Connection connection = SqlCipherConnections.open(settings.databaseFile(), key);
    try {
      int version = Migrations.migrate(connection, clock);
      OwnerOnlyFiles.restrict(settings.databaseFile());
      return new CacheStore(settings, clock, connection, version);
    } catch (SQLException | RuntimeException e) {
      try {
        connection.close();
      } catch (SQLException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e instanceof StoreException se ? se
          : new StoreException("Cannot migrate cache database " + settings.databaseFile(), e);
    }
  }

  /** The entry under {@code key}, recording the access (accessed_at, hit_count). */
  public Optional<StoredEntry> read(String key) {
    Objects.requireNonNull(key, "key");
    return locked("read", () -> {
      Optional<StoredEntry> entry = EntrySql.select(connection, key);
      if (entry.isPresent()) {
        EntrySql.touch(connection, key, clock.millis());
      }
      return entry;
    });
  }

  /**
   * Inserts or replaces {@code entry}, compressing it at or above the threshold.
   *
   * @return false (and a log line) when the payload exceeds {@code maxEntryBytes}
   */
  public boolean write(StoredEntry entry) {
    Objects.requireNonNull(entry, "entry");
    int length = entry.payload().length;
    if (length > settings.maxEntryBytes()) {
      LOG.info(() -> "Not caching " + entry.key() + ": " + length + " bytes exceeds the limit of "
          + settings.maxEntryBytes() + " bytes");
      return false;
    }
    boolean compressed = codec.shouldCompress(length);
    byte[] stored = compressed ? codec.compress(entry.payload()) : entry.payload();
    return locked("write", () -> {
      EntrySql.upsert(connection, entry, stored, compressed, clock.millis());
      return true;
    });
  }

  /** Removes the entry under {@code key}; true if there was one. */
  public boolean delete(String key) {
    Objects.requireNonNull(key, "key");
    return locked("delete",
        () -> EntrySql.update(connection, "DELETE FROM cache_entries WHERE key = ?", key) > 0);
  }

  /** Removes every entry; returns how many there were. */
  public int deleteAll() {
    return locked("deleteAll", () -> EntrySql.update(connection, "DELETE FROM cache_entries"));
  }

  /** Entry count and byte totals. */
  public StoreSummary summary() {
    return locked("summary", () -> EntrySql.summary(connection));
  }

  /** The schema version after migrations. */
  public int schemaVersion() {
    return schemaVersion;
  }

  /** The database file. */
  public Path file() {
    return settings.databaseFile();
  }

  /** Closes the connection; idempotent. */
  @Override
  public void close() {
    lock.lock();
    try {
      if (!closed) {
        closed = true;
        connection.close();
        OwnerOnlyFiles.restrict(settings.databaseFile());
      }
    } catch (SQLException e) {
      throw new StoreException("Cannot close cache database " + file(), e);
    } finally {
      lock.unlock();
    }
  }

  private <T> T locked(String operation, SqlWork<T> work) {
    lock.lock();
    try {
      if (closed) {
        throw new StoreException("Cache store " + file() + " is closed", null);
      }
      return work.run();
    } catch (SQLException e) {
      throw new StoreException("Cache store " + operation + " failed: " + e.getMessage(), e);
    } finally {
      lock.unlock();
    }
  }

  @FunctionalInterface
  private interface SqlWork<T> {
    T run() throws SQLException;
  }

  @Override
  public String toString() {
    return "CacheStore[" + file() + ", schema v" + schemaVersion + "]";
  }
}
