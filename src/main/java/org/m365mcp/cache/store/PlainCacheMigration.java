package org.m365mcp.cache.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.logging.Logger;
import org.m365mcp.cache.key.CacheKey;
import org.m365mcp.cache.store.MigrationJournal.Phase;

/**
 * Turns an unencrypted (plain SQLite) cache file into an encrypted one in place, keeping a
 * plaintext backup beside it; restartable after a crash at any point.
 *
 * <p>For a database {@code <name>}, each phase is recorded in the {@link MigrationJournal} before
 * it starts:
 * <ol>
 *   <li>BACKUP: checkpoint the plain file's WAL, copy it and any {@code -wal}/{@code -shm} to
 *       {@code <name>.unencrypted-backup-<UTC stamp>} (0600, fsync).
 *   <li>ENCRYPT: {@code VACUUM INTO <name>.migrating}, encrypt that copy with the key, open it the
 *       normal way (which verifies SQLCipher 4 under the key), compare the rows of every table,
 *       apply {@link Migrations}, fsync.
 *   <li>SWAP: delete the plain file's companions, rename {@code .migrating} over it atomically,
 *       delete the journal, log a WARNING naming the backup.
 * </ol>
 *
 * <ul>
 *   <li>Restart in BACKUP or ENCRYPT: {@code .migrating} is discarded (a copy, made after the
 *       backup was complete) and the phase redone from the original, still plain. Restart in SWAP:
 *       the rename is finished. The complete backup is never deleted.
 *   <li>A failure before SWAP removes {@code .migrating}, an incomplete backup and the journal,
 *       leaves the original untouched and throws; a failure in SWAP keeps everything for the next
 *       start to finish.
 *   <li>Only files with this server's schema ({@code schema_version} up to the latest script) or
 *       with no tables are migrated; another plain file (the Python-era cache, a foreign database)
 *       is left alone for {@link StoreOpener} to set aside.
 *   <li>Not thread-safe: one caller per file at a time (the server opens its store once).
 * </ul>
 */
final class PlainCacheMigration {

    /** The points between durable steps, in order; tests stop the process at each. */
    enum Step {
        JOURNAL_WRITTEN,
        BACKED_UP,
        ENCRYPT_JOURNALED,
        COPIED,
        ENCRYPTED,
        SWAP_JOURNALED,
        COMPANIONS_REMOVED,
        MOVED
    }

    static final String WORKING_SUFFIX = ".migrating";
    static final String BACKUP_INFIX = ".unencrypted-backup-";
    private static final Logger LOG = Logger.getLogger(PlainCacheMigration.class.getName());

    private PlainCacheMigration() {}

    /**
     * Encrypts {@code file} if it is a plain cache of ours, or finishes an interrupted migration.
     *
     * @return the backup of the plaintext file when a migration completed, else empty
     * @throws StoreException if the migration failed; the original is then still in place
     */
    static Optional<Path> migrateIfPlain(Path file, CacheKey key, Clock clock) {
        return migrateIfPlain(file, key, clock, step -> {});
    }

    /** As {@link #migrateIfPlain(Path, CacheKey, Clock)}, telling {@code reached} each step done. */
    static Optional<Path> migrateIfPlain(Path file, CacheKey key, Clock clock, Consumer<Step> reached) {
        try {
            Optional<MigrationJournal> pending = MigrationJournal.read(file);
            if (pending.isPresent()) {
                LOG.info(() -> "Resuming the encryption of the unencrypted cache " + file + " ("
                        + pending.get().phase() + ")");
                return resume(file, key, clock, pending.get(), reached);
            }
            if (!StoreOpener.isPlainSqlite(file) || !hasOurSchema(file)) {
                return Optional.empty();
            }
            MigrationJournal journal = new MigrationJournal(Phase.BACKUP, backupName(file, clock));
            journal.write(file);
            reached.accept(Step.JOURNAL_WRITTEN);
            return resume(file, key, clock, journal, reached);
        } catch (IOException | SQLException e) {
            throw new StoreException(
                    "Cannot encrypt the unencrypted cache database " + file + ": " + e.getMessage(), e);
        }
    }

    private static Optional<Path> resume(
            Path file, CacheKey key, Clock clock, MigrationJournal journal, Consumer<Step> reached)
            throws IOException, SQLException {
        Path backup = file.resolveSibling(journal.backup());
        Path working = DatabaseFiles.sibling(file, WORKING_SUFFIX);
        if (journal.phase() != Phase.SWAP) {
            DatabaseFiles.deleteWithCompanions(working);
            if (!StoreOpener.isPlainSqlite(file)) {
                return stale(file, "the file is no longer a plain SQLite database");
            }
            try {
                if (journal.phase() == Phase.BACKUP) {
                    backUp(file, backup);
                    reached.accept(Step.BACKED_UP);
                    journal = journal.at(Phase.ENCRYPT);
                    journal.write(file);
                    reached.accept(Step.ENCRYPT_JOURNALED);
                }
                Map<String, Long> rows = encrypt(file, working, key, clock, reached);
                journal = journal.at(Phase.SWAP);
                journal.write(file);
                reached.accept(Step.SWAP_JOURNALED);
                LOG.info(() -> "Encrypted a copy of " + file + ": " + rows);
            } catch (IOException | SQLException | RuntimeException e) {
                abandon(file, working, journal.phase() == Phase.BACKUP ? backup : null);
                throw e;
            }
        }
        if (!swap(file, working, reached)) {
            return stale(file, working + " is missing and the file is still plain");
        }
        MigrationJournal.delete(file);
        LOG.warning("The cache database " + file + " was an unencrypted SQLite file. It is now"
                + " encrypted, with its entries kept. A copy of the unencrypted file was kept at " + backup
                + " (with any -wal/-shm beside it): it holds cached Microsoft 365 data in PLAINTEXT. Delete"
                + " it once the server runs well; the cache can always be refilled from Microsoft Graph.");
        return Optional.of(backup);
    }

    /** Whether {@code file} holds this server's schema at a version we know, or no table at all. */
    static boolean hasOurSchema(Path file) throws SQLException {
        try (Connection plain = EncryptedCopy.openPlain(file)) {
            Map<String, Long> tables = EncryptedCopy.rowCounts(plain);
            tables.keySet().removeIf(name -> name.startsWith("sqlite_"));
            if (tables.isEmpty()) {
                return true;
            }
            int version = tables.containsKey("schema_version") ? Migrations.currentVersion(plain) : 0;
            return version >= 1 && version <= Migrations.SCRIPTS.size();
        }
    }

    private static void backUp(Path file, Path backup) throws IOException, SQLException {
        try (Connection plain = EncryptedCopy.openPlain(file);
                Statement statement = plain.createStatement();
                ResultSet checkpoint = statement.executeQuery("PRAGMA wal_checkpoint(TRUNCATE)")) {
            if (checkpoint.next() && checkpoint.getInt(1) != 0) {
                throw new SQLException("its WAL is in use; is another program using " + file + "?");
            }
        }
        DatabaseFiles.copyOwnerOnly(file, backup);
        for (Path companion : OwnerOnlyFiles.withCompanions(file)) {
            if (!companion.equals(file) && Files.exists(companion)) {
                String suffix = companion
                        .getFileName()
                        .toString()
                        .substring(file.getFileName().toString().length());
                DatabaseFiles.copyOwnerOnly(companion, DatabaseFiles.sibling(backup, suffix));
            }
        }
    }

    /** Builds the proven encrypted copy; returns the rows per table it holds. */
    private static Map<String, Long> encrypt(Path file, Path working, CacheKey key, Clock clock, Consumer<Step> reached)
            throws IOException, SQLException {
        Map<String, Long> before;
        try (Connection plain = EncryptedCopy.openPlain(file)) {
            before = EncryptedCopy.rowCounts(plain);
            EncryptedCopy.snapshot(plain, working);
        }
        reached.accept(Step.COPIED);
        EncryptedCopy.rekey(working, Optional.empty(), key);
        EncryptedCopy.proveAndSeal(working, key, before, encrypted -> Migrations.migrate(encrypted, working, clock));
        reached.accept(Step.ENCRYPTED);
        return before;
    }

    /** Puts the encrypted copy in place of the plain file; false if there is no copy to put. */
    private static boolean swap(Path file, Path working, Consumer<Step> reached) throws IOException {
        if (!Files.exists(working)) {
            return Files.exists(file) && !StoreOpener.isPlainSqlite(file); // renamed: the swap is done
        }
        if (Files.exists(file) && !StoreOpener.isPlainSqlite(file)) {
            throw new IOException(file + " is no longer the plain file being migrated; " + working + " and "
                    + MigrationJournal.of(file) + " were left for inspection");
        }
        // The plain WAL was checkpointed and copied to the backup; next to the encrypted file it
        // would be read as that file's WAL.
        DatabaseFiles.deleteCompanions(file);
        reached.accept(Step.COMPANIONS_REMOVED);
        DatabaseFiles.replace(working, file);
        OwnerOnlyFiles.restrict(file);
        reached.accept(Step.MOVED);
        return true;
    }

    private static void abandon(Path file, Path working, Path incompleteBackup) {
        try {
            DatabaseFiles.deleteWithCompanions(working);
            if (incompleteBackup != null) {
                // only a partial copy of the original, which is still in place
                DatabaseFiles.deleteWithCompanions(incompleteBackup);
            }
            MigrationJournal.delete(file);
        } catch (IOException e) {
            LOG.warning(() -> "Could not clean up after a failed encryption of " + file + ": " + e);
        }
    }

    private static Optional<Path> stale(Path file, String why) throws IOException {
        LOG.warning(() -> "Dropping the stale migration journal " + MigrationJournal.of(file) + ": " + why
                + ". No file was deleted.");
        MigrationJournal.delete(file);
        return Optional.empty();
    }

    private static String backupName(Path file, Clock clock) {
        String base = file.getFileName() + BACKUP_INFIX + StoreOpener.STAMP.format(clock.instant());
        String name = base;
        for (int n = 1; Files.exists(file.resolveSibling(name)); n++) {
            name = base + "-" + n;
        }
        return name;
    }
}
