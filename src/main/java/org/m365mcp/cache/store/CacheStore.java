package org.m365mcp.cache.store;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Logger;
import org.m365mcp.cache.key.CacheKey;
import org.m365mcp.cache.store.EntrySql.GroupColumn;

/**
 * The authoritative tier: cache entries, background tasks, the invalidation audit and statistics
 * in one SQLCipher 4 database file.
 *
 * <ul>
 *   <li>Thread-safe: one JDBC connection, used by one thread at a time under a fair lock;
 *       every change is one {@code BEGIN IMMEDIATE} transaction, so several processes may share
 *       the file (a busy file is waited for up to {@link StoreSettings#busyTimeout()}).
 *   <li>Entries are returned whatever their expiry: freshness is the caller's decision.
 *   <li>A read records its access (time, hit count) in memory; the next write transaction, a full
 *       buffer or {@link #close()} writes it, so reads do not pay for a transaction each.
 *   <li>Whatever removes entries ({@link #invalidate}, {@link #deleteAccount},
 *       {@link #cleanupExpired}, {@link #cleanupToTarget}, the per-account cap in {@link #write})
 *       returns the keys, for a caching tier in front to drop too.
 *   <li>Time comes only from the injected {@link Clock}.
 *   <li>Failures surface as {@link StoreException}, whose messages never contain the key. The key
 *       is kept (never shown) so that a fresh store can take a damaged file's place
 *       ({@link LiveStore}).
 *   <li>A file found damaged (SQLITE_CORRUPT) surfaces as a {@linkplain StoreException#corrupt()
 *       corrupt} failure; this class does not recover from it, {@link LiveStore} does.
 *   <li>After {@link #close()} every operation throws {@link StoreException}.
 * </ul>
 */
public final class CacheStore implements AutoCloseable {

    /** Distinct keys whose accesses may wait in memory before a transaction writes them. */
    static final int PENDING_ACCESSES = StoreFile.PENDING_ACCESSES;

    private static final Logger LOG = Logger.getLogger(CacheStore.class.getName());

    private final StoreFile opened; // kept to open a fresh store in a damaged one's place
    private final StoreSettings settings;
    private final Clock clock;
    private final StoreConnection connection;
    private final AccessLog accesses;
    private final PayloadCodec codec;
    private final SizeLimiter limiter;
    private final StoreUpkeep upkeep;
    private final TaskQueue tasks;
    private final StatsLog stats;
    private final Credentials credentials;
    private final DeltaLinks deltaLinks;
    private final CachedEntries entries;

    private CacheStore(StoreFile opened) {
        this.opened = opened;
        this.settings = opened.settings();
        this.clock = opened.clock();
        this.connection = opened.connection();
        this.accesses = opened.accesses();
        this.codec = new PayloadCodec(settings.compressionThresholdBytes(), settings.compressionLevel());
        this.limiter = new SizeLimiter(settings.limits());
        this.upkeep = new StoreUpkeep(connection, clock, limiter);
        this.tasks = new TaskQueue(connection, clock, settings.retryBackoff());
        this.stats = new StatsLog(connection);
        this.credentials = new Credentials(connection, clock);
        this.deltaLinks = new DeltaLinks(connection, clock);
        this.entries = new CachedEntries(connection, clock, codec);
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
        Objects.requireNonNull(key, "key");
        return new CacheStore(StoreFile.open(settings, key, clock, StoreEncryption.SQLCIPHER));
    }

    /**
     * Opens a plain SQLite store: the same SQL, pragmas and codec as {@link #open}, without the
     * cipher. Only for measuring what encryption costs; see {@link StoreEncryption} for why
     * production cannot reach it.
     *
     * @throws StoreException if the file is outside the temporary directory or is not plain SQLite
     */
    static CacheStore openUnencrypted(StoreSettings settings, Clock clock) {
        Objects.requireNonNull(settings, "settings");
        StoreEncryption.requireDisposablePlainFile(settings.databaseFile());
        return new CacheStore(StoreFile.open(settings, null, clock, StoreEncryption.NONE));
    }

    /**
     * Opens the same file again with this store's key, settings and clock: after this store was
     * closed and its damaged file set aside, that is a new, empty store.
     */
    CacheStore openAgain() {
        return new CacheStore(opened.reopen());
    }

    /** {@code PRAGMA quick_check} of the file, for at most {@code budget}; see {@link QuickCheck}. */
    QuickCheck.Result quickCheck(Duration budget) {
        return connection.read("quick check", c -> QuickCheck.run(c, budget));
    }

    Clock clock() {
        return clock;
    }

    /** The entry under {@code key}; its access is recorded (accessed_at, hit_count). */
    public Optional<StoredEntry> read(String key) {
        Objects.requireNonNull(key, "key");
        Optional<StoredEntry> entry = connection.read("read", c -> EntrySql.select(c, key));
        if (entry.isPresent()) {
            accesses.record(key, clock.millis());
            if (accesses.isFull()) {
                connection.write("record accesses", c -> null);
            }
        }
        return entry;
    }

    /**
     * Inserts or replaces {@code entry}, compressing it at or above the threshold. If its account
     * then holds more than {@link SizeLimits#maxEntriesPerAccount()} entries, that account's least
     * recently accessed others are evicted in the same transaction.
     *
     * @return not stored (and a log line) when the payload exceeds {@code maxEntryBytes}
     */
    public WriteResult write(StoredEntry entry) {
        Objects.requireNonNull(entry, "entry");
        int length = entry.payload().length;
        if (length > settings.maxEntryBytes()) {
            LOG.info(() -> "Not caching " + entry.key() + ": " + length + " bytes exceeds the limit of "
                    + settings.maxEntryBytes() + " bytes");
            return WriteResult.NOT_STORED;
        }
        boolean compressed = codec.shouldCompress(length);
        byte[] stored = compressed ? codec.compress(entry.payload()) : entry.payload();
        return connection.write("write", c -> {
            EntrySql.upsert(c, entry, stored, compressed, clock.millis());
            return new WriteResult(true, limiter.capAccount(c, entry.accountId(), entry.key(), clock.millis()));
        });
    }

    /** Removes the entry under {@code key}; true if there was one. */
    public boolean delete(String key) {
        Objects.requireNonNull(key, "key");
        return connection.write("delete", c -> EntrySql.delete(c, key));
    }

    /** Removes the entries under {@code keys} in one transaction; returns how many there were. */
    public int delete(Collection<String> keys) {
        Objects.requireNonNull(keys, "keys");
        if (keys.isEmpty()) {
            return 0;
        }
        return connection.write("delete keys", c -> EntrySql.delete(c, keys));
    }

    /** Removes every entry; returns how many there were. */
    public int deleteAll() {
        return connection.write("deleteAll", c -> Sql.update(c, "DELETE FROM cache_entries"));
    }

    /**
     * Removes {@code accountId}'s entries whose key matches {@code pattern} and audits it in the same
     * transaction (even when nothing matched). Never touches another account's entries.
     *
     * @param resourceType only entries of this type, or null for all types
     * @param pattern matched against the whole key ({@code operation:account:params}); {@code *}
     *     matches any run of characters and is the only wildcard, matching is case-sensitive
     * @param reason recorded in the audit row
     */
    public Removal invalidate(String accountId, String resourceType, String pattern, String reason) {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(reason, "reason");
        return connection.write(
                "invalidate",
                c -> InvalidationSql.invalidate(c, accountId, resourceType, pattern, reason, clock.millis()));
    }

    /**
     * Removes {@code accountId}'s entries of {@code resourceType} that were stored for the key
     * parameter {@code param} equal to {@code value} (recorded in their metadata as
     * {@code {"params":{"<param>":"<value>"}}}), audited in the same transaction as
     * {@code param=value}. Unlike a key pattern this also finds entries whose key is a hash.
     */
    public Removal invalidateByParam(String accountId, String resourceType, String param, String value, String reason) {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(resourceType, "resourceType");
        Objects.requireNonNull(param, "param");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(reason, "reason");
        return connection.write(
                "invalidate by parameter",
                c -> InvalidationSql.invalidateByParam(
                        c, accountId, resourceType, param, value, reason, clock.millis()));
    }

    /**
     * Removes all of {@code accountId}'s entries (audited as pattern {@code *}, reason "account
     * removed") and its tasks. Audit and statistics rows are history and stay.
     */
    public Removal deleteAccount(String accountId) {
        Objects.requireNonNull(accountId, "accountId");
        return connection.write("delete account", c -> {
            TaskSql.deleteAccount(c, accountId);
            DeltaLinks.deleteAccount(c, accountId);
            return InvalidationSql.invalidate(c, accountId, null, "*", "account removed", clock.millis());
        });
    }

    /** The latest {@code limit} audited invalidations, newest first; all accounts if null. */
    public List<InvalidationRecord> invalidations(String accountId, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be >= 0");
        }
        return connection.read("read invalidations", c -> InvalidationSql.history(c, accountId, limit));
    }

    /** Entry count and byte totals. */
    public StoreSummary summary() {
        return connection.read("summary", EntrySql::summary);
    }

    /** Totals per resource type, ordered by type. */
    public Map<String, StoreSummary> summaryByResourceType() {
        return connection.read("summary", c -> EntrySql.summaryBy(c, GroupColumn.RESOURCE_TYPE));
    }

    /** Totals per account, ordered by account id. */
    public Map<String, StoreSummary> summaryByAccount() {
        return connection.read("summary", c -> EntrySql.summaryBy(c, GroupColumn.ACCOUNT));
    }

    /** The background task queue kept in this store. */
    public TaskQueue tasks() {
        return tasks;
    }

    /** The statistics history kept in this store. */
    public StatsLog stats() {
        return stats;
    }

    /** The secret documents (e.g. the MSAL token cache) kept in this store. */
    public Credentials credentials() {
        return credentials;
    }

    /** Removal of expired entries, the size limits, compaction. */
    public StoreUpkeep upkeep() {
        return upkeep;
    }

    /** The entries of one account and resource type looked at whole, and corrected in place. */
    public CachedEntries entries() {
        return entries;
    }

    /** Where each account's delta sync stands, by resource. */
    public DeltaLinks deltaLinks() {
        return deltaLinks;
    }

    /** The schema version after migrations. */
    public int schemaVersion() {
        return opened.schemaVersion();
    }

    /** The database file. */
    public Path file() {
        return settings.databaseFile();
    }

    /** Writes pending accesses and closes the connection; idempotent. */
    @Override
    public void close() {
        opened.close();
    }

    @Override
    public String toString() {
        return "CacheStore[" + file() + ", schema v" + schemaVersion() + "]";
    }
}
