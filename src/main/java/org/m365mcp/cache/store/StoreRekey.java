package org.m365mcp.cache.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.logging.Logger;
import org.m365mcp.cache.key.CacheKey;

/**
 * Re-encrypts a closed cache database with a new key such that, at every instant, the database
 * file opens with one of the two keys: the old one until an atomic rename, the new one after it.
 *
 * <ol>
 *   <li>Prove the old key (page-1 HMAC, then a normal open), checkpoint the WAL and snapshot the
 *       database with {@code VACUUM INTO <name>.rekeying}.
 *   <li>Re-key the snapshot ({@link EncryptedCopy#rekey}).
 *   <li>Prove the new key: the old key no longer opens the snapshot, the new one does, every
 *       table kept its rows. Rename it {@code <name>.rekeyed}: complete and proven.
 *   <li>{@link KeyCommit#commit()}, e.g. store the new key in the keyring.
 *   <li>Rename {@code .rekeyed} over the database.
 * </ol>
 *
 * <ul>
 *   <li>The database file itself is never written: {@code PRAGMA rekey} rewrites pages in place,
 *       and a crash in the middle would leave a file neither key reliably opens.
 *   <li>A failure before the rename leaves the database untouched under the old key, reverts the
 *       {@link KeyCommit} if it ran, and throws {@link StoreException}.
 *   <li>After a crash, {@link #recover} (run by {@link StoreOpener}) finishes or discards the
 *       rotation by which file the key now in use opens.
 *   <li>Not thread-safe. The caller must have closed every connection to the database.
 *   <li>Keys never appear in a message or a log line.
 * </ul>
 */
public final class StoreRekey {

    /** The points between durable steps, in order; tests stop the process at each. */
    enum Step {
        SNAPSHOT_TAKEN,
        REKEYED,
        PROVEN,
        KEY_COMMITTED,
        MOVED
    }

    /** Makes the new key the one used from the next start on, e.g. by storing it in the keyring. */
    public interface KeyCommit {
        /** Nothing to store: the operator supplies the key (environment variable). */
        KeyCommit NONE = new KeyCommit() {
            @Override
            public void commit() {}

            @Override
            public void revert() {}
        };

        /** Stores the new key; throws if it could not, and the rotation is then reverted. */
        void commit();

        /**
         * Puts the old key back after a failed or half-done commit, or when the rename failed; throws
         * if it could not, and the proven copy is then kept for the next start to rename.
         */
        void revert();
    }

    static final String WORKING_SUFFIX = ".rekeying";
    static final String PROVEN_SUFFIX = ".rekeyed";
    private static final Logger LOG = Logger.getLogger(StoreRekey.class.getName());

    private StoreRekey() {}

    /**
     * Re-encrypts {@code file} from {@code oldKey} to {@code newKey}.
     *
     * @throws StoreException if it did not happen; the file then still opens with {@code oldKey}
     *     ({@linkplain StoreException#unreadable() unreadable} if {@code oldKey} never opened it)
     * @throws IllegalArgumentException if the two keys are the same
     */
    public static void rekey(Path file, CacheKey oldKey, CacheKey newKey, KeyCommit keyCommit) {
        rekey(file, oldKey, newKey, keyCommit, step -> {});
    }

    /** As {@link #rekey(Path, CacheKey, CacheKey, KeyCommit)}, telling {@code reached} each step. */
    static void rekey(Path file, CacheKey oldKey, CacheKey newKey, KeyCommit keyCommit, Consumer<Step> reached) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(keyCommit, "keyCommit");
        if (Objects.requireNonNull(oldKey, "oldKey").equals(Objects.requireNonNull(newKey, "newKey"))) {
            throw new IllegalArgumentException("The new cache key is the current one");
        }
        Path working = DatabaseFiles.sibling(file, WORKING_SUFFIX);
        Path proven = DatabaseFiles.sibling(file, PROVEN_SUFFIX);
        try {
            if (!Files.isRegularFile(file) || !SqlCipherKeyCheck.opens(file, oldKey)) {
                throw new StoreException(
                        "Cache database " + file + " cannot be opened with the current key;" + " it was not re-keyed",
                        null,
                        StoreException.Kind.UNREADABLE);
            }
            DatabaseFiles.deleteWithCompanions(working);
            DatabaseFiles.deleteWithCompanions(proven); // stale: the old key opens the database
            Map<String, Long> rows;
            try (Connection current = SqlCipherConnections.open(file, oldKey)) {
                checkpoint(current, file);
                rows = EncryptedCopy.rowCounts(current);
                EncryptedCopy.snapshot(current, working);
            }
            reached.accept(Step.SNAPSHOT_TAKEN);
            EncryptedCopy.rekey(working, Optional.of(oldKey), newKey);
            reached.accept(Step.REKEYED);
            if (SqlCipherKeyCheck.opens(working, oldKey)) {
                throw new SQLException("the re-keyed copy still opens with the old key");
            }
            EncryptedCopy.proveAndSeal(working, newKey, rows, connection -> {});
            DatabaseFiles.replace(working, proven);
            reached.accept(Step.PROVEN);
        } catch (IOException | SQLException | RuntimeException e) {
            discard(working, proven);
            throw failed(file, e);
        }
        try {
            keyCommit.commit();
        } catch (RuntimeException e) {
            revert(keyCommit, proven, e); // it may have half-happened
            throw failed(file, e);
        }
        reached.accept(Step.KEY_COMMITTED);
        try {
            // checkpointed into the file, and under the old key: they must not meet the new file
            DatabaseFiles.deleteCompanions(file);
            DatabaseFiles.replace(proven, file);
            OwnerOnlyFiles.restrict(file);
        } catch (IOException | RuntimeException e) {
            revert(keyCommit, proven, e);
            throw failed(file, e);
        }
        reached.accept(Step.MOVED);
    }

    /**
     * Finishes or discards a rotation of {@code file} that a crash interrupted, for {@code key}, the
     * key now in use: {@code .rekeying} is discarded (never complete; the database was intact while
     * it existed); {@code .rekeyed} replaces the database if {@code key} opens it and not the
     * database, is discarded if {@code key} opens the database, and is left alone otherwise.
     *
     * @throws StoreException if the files cannot be moved or deleted
     */
    static void recover(Path file, CacheKey key) {
        Path proven = DatabaseFiles.sibling(file, PROVEN_SUFFIX);
        try {
            DatabaseFiles.deleteWithCompanions(DatabaseFiles.sibling(file, WORKING_SUFFIX));
            if (!Files.exists(proven)) {
                return;
            }
            if (Files.isRegularFile(file) && SqlCipherKeyCheck.opens(file, key)) {
                DatabaseFiles.deleteWithCompanions(proven);
                LOG.warning(() -> "A cache key rotation of " + file + " was interrupted before it took"
                        + " effect; the cache keeps its previous key.");
            } else if (SqlCipherKeyCheck.opens(proven, key)) {
                DatabaseFiles.deleteCompanions(file);
                DatabaseFiles.replace(proven, file);
                LOG.warning(() -> "Finished a cache key rotation of " + file + " that was interrupted after"
                        + " the new key was stored.");
            } else {
                LOG.warning(() -> "Neither " + file + " nor " + proven + " (left from an interrupted key"
                        + " rotation) opens with the current key; " + proven + " was kept for recovery.");
            }
        } catch (IOException e) {
            throw new StoreException(
                    "Cannot recover the interrupted key rotation of " + file + ": " + e.getMessage(), e);
        }
    }

    private static void checkpoint(Connection connection, Path file) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("PRAGMA wal_checkpoint(TRUNCATE)")) {
            if (result.next() && result.getInt(1) != 0) {
                throw new SQLException("the WAL of " + file + " is in use; is another process using it?");
            }
        }
    }

    private static void revert(KeyCommit keyCommit, Path proven, Exception failure) {
        try {
            keyCommit.revert();
            discard(proven);
        } catch (RuntimeException e) {
            // The new key stays committed: the next start finds .rekeyed and finishes the rename.
            failure.addSuppressed(e);
        }
    }

    private static void discard(Path... files) {
        for (Path file : files) {
            try {
                DatabaseFiles.deleteWithCompanions(file);
            } catch (IOException e) {
                LOG.warning(() -> "Could not delete " + file + ": " + e.getMessage());
            }
        }
    }

    private static StoreException failed(Path file, Exception e) {
        return e instanceof StoreException se
                ? se
                : new StoreException(
                        "Cache database " + file + " was not re-keyed and still opens with its current key: "
                                + e.getMessage(),
                        e);
    }
}
