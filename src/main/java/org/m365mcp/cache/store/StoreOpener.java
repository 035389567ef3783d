package org.m365mcp.cache.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
 *   <li>A file the key opens but SQLite finds damaged (SQLITE_CORRUPT while opening, or
 *       {@code PRAGMA quick_check} within {@link StoreSettings#quickCheckBudget()}) is closed and
 *       moved the same way to {@code <name>.corrupt-…}; a fresh store takes its place. A running
 *       store that meets damage later goes the same way ({@link #replaceDamaged}).
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
            LOG.log(
                    Level.WARNING,
                    "The unencrypted cache " + file + " could not be encrypted; it will be" + " set aside instead.",
                    e);
        }
        SetAside.Reason reason;
        String damage = "";
        try {
            CacheStore store = CacheStore.open(settings, key, clock);
            Optional<String> found = damage(store, settings.quickCheckBudget());
            if (found.isEmpty()) {
                return new OpenedStore(store, Optional.empty(), backup);
            }
            closeDamaged(store);
            reason = SetAside.Reason.CORRUPT;
            damage = found.get();
        } catch (StoreException e) {
            if (e.corrupt()) {
                reason = SetAside.Reason.CORRUPT;
                damage = e.getMessage();
            } else if (e.unreadable()) {
                reason = isPlainSqlite(file) ? SetAside.Reason.UNENCRYPTED : SetAside.Reason.UNREADABLE;
            } else {
                throw e;
            }
        }
        SetAside aside = setAside(file, reason, clock);
        CacheStore fresh = CacheStore.open(settings, key, clock);
        LOG.warning(
                switch (reason) {
                    case UNENCRYPTED ->
                        "The cache database " + file + " was an unencrypted SQLite file. It was not"
                                + " deleted: it was moved to " + aside.file()
                                + " and a new, encrypted cache was created in"
                                + " its place. The old file holds cached data in plaintext; delete it once you no longer"
                                + " need it.";
                    case UNREADABLE ->
                        "The cache database " + file + " could not be opened with the current"
                                + " encryption key. It was not deleted: it was moved to " + aside.file() + " and a new,"
                                + " empty cache was created. To recover it, restore the key it was written with (the OS"
                                + " keyring entry '" + EncryptionKeyResolver.KEYRING_SERVICE + "'/'"
                                + EncryptionKeyResolver.KEYRING_USER + "' or the environment variable "
                                + EncryptionKeyResolver.ENVIRONMENT_VARIABLE
                                + "), stop the server and move the file back"
                                + " to " + file + ".";
                    case CORRUPT -> damagedMessage(file, aside, damage);
                });
        return new OpenedStore(fresh, Optional.of(aside), Optional.empty());
    }

    /**
     * Closes {@code damaged}, whose file SQLite found damaged while running, sets the file aside as
     * at opening and opens a fresh store in its place with the same key, settings and clock.
     *
     * @throws StoreException if the file cannot be moved or the fresh store not opened
     */
    static OpenedStore replaceDamaged(CacheStore damaged, StoreException cause) {
        Path file = damaged.file();
        closeDamaged(damaged);
        SetAside aside = setAside(file, SetAside.Reason.CORRUPT, damaged.clock());
        CacheStore fresh = damaged.openAgain();
        LOG.warning(damagedMessage(file, aside, cause.getMessage()));
        return new OpenedStore(fresh, Optional.of(aside), Optional.empty());
    }

    private static String damagedMessage(Path file, SetAside aside, String damage) {
        return "The cache database " + file + " is damaged (" + damage + "). It was not deleted: it was"
                + " moved to " + aside.file() + " and a new, empty cache was created in its place; the server"
                + " keeps serving and fetches from Microsoft Graph what the cache held. Accounts whose"
                + " sign-in was kept in it may have to sign in again. The damaged file is encrypted with the"
                + " current key; delete it once you no longer need it.";
    }

    /** SQLite's complaint if {@code store}'s file is damaged; an unfinished check finds nothing. */
    private static Optional<String> damage(CacheStore store, Duration budget) {
        if (budget.isZero()) {
            return Optional.empty();
        }
        long start = System.nanoTime();
        QuickCheck.Result check;
        try {
            check = store.quickCheck(budget);
        } catch (StoreException e) {
            if (e.corrupt()) {
                return Optional.of(e.getMessage());
            }
            LOG.warning(() -> "The check of " + store.file() + " for damage failed (" + e.getMessage()
                    + "); the store opens unchecked.");
            return Optional.empty();
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        switch (check.outcome()) {
            case DAMAGED -> {
                return Optional.of(check.detail());
            }
            case UNFINISHED ->
                LOG.info(() -> "The check of " + store.file() + " for damage stopped after "
                        + millis + " ms (m365.mcp.cache.quick-check-budget); damage in the part not read will be"
                        + " found when a read or write meets it.");
            default -> LOG.fine(() -> "Checked " + store.file() + " for damage in " + millis + " ms: ok");
        }
        return Optional.empty();
    }

    /** Closes a damaged store; its last writes may fail on the damage, which is already known. */
    private static void closeDamaged(CacheStore store) {
        try {
            store.close();
        } catch (StoreException e) {
            LOG.log(Level.FINE, "Closing the damaged cache store failed", e);
        }
    }

    static boolean isPlainSqlite(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(SQLITE_HEADER.length), SQLITE_HEADER);
        } catch (IOException e) {
            return false;
        }
    }

    /** Renames {@code file} and its companions to a free sibling name for {@code reason}. */
    private static SetAside setAside(Path file, SetAside.Reason reason, Clock clock) {
        Instant now = clock.instant();
        String base = file.getFileName() + "." + reason.word() + "-" + STAMP.format(now);
        Path target = file.resolveSibling(base);
        for (int n = 1; Files.exists(target); n++) {
            target = file.resolveSibling(base + "-" + n);
        }
        try {
            for (Path source : OwnerOnlyFiles.withCompanions(file)) {
                if (Files.exists(source)) {
                    String companion = source.getFileName()
                            .toString()
                            .substring(file.getFileName().toString().length());
                    Files.move(source, target.resolveSibling(target.getFileName() + companion));
                }
            }
        } catch (IOException e) {
            throw new StoreException(
                    "Cannot set aside " + reason.word() + " cache database " + file + "; it was left in place: "
                            + e.getMessage(),
                    e);
        }
        return new SetAside(target, reason, now);
    }
}
