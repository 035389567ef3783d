package org.m365mcp.cache.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.m365mcp.cache.store.PlainCaches.BACKUP;
import static org.m365mcp.cache.store.PlainCaches.CLOCK;
import static org.m365mcp.cache.store.PlainCaches.PAYLOAD;
import static org.m365mcp.cache.store.PlainCaches.names;
import static org.m365mcp.cache.store.StoreFixtures.KEY;
import static org.m365mcp.cache.store.StoreFixtures.queryString;
import static org.m365mcp.cache.store.StoreFixtures.sha256;
import static org.m365mcp.cache.store.StoreFixtures.text;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.m365mcp.cache.key.LogCapture;
import org.m365mcp.cache.store.MigrationJournal.Phase;
import org.m365mcp.cache.store.PlainCacheMigration.Step;

class PlainCacheMigrationTest {

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("cache.db");
    }

    private OpenedStore open() {
        return StoreOpener.open(StoreSettings.defaults(file()), KEY, CLOCK);
    }

    @Test
    void open_plainV1Cache_encryptsInPlaceKeepingEntriesAndABackup() throws Exception {
        PlainCaches.v1(file(), "k1", "k2");
        String plain = sha256(file());

        OpenedStore opened = open();

        try (CacheStore store = opened.store()) {
            assertThat(opened.setAside()).isEmpty();
            assertThat(opened.unencryptedBackup()).contains(dir.resolve(BACKUP));
            assertThat(store.read("k1").orElseThrow().payload()).isEqualTo(text(PAYLOAD));
            assertThat(store.read("k2").orElseThrow().payload()).isEqualTo(text(PAYLOAD));
            assertThat(store.summary()).isEqualTo(new StoreSummary(2, 2 * PAYLOAD, 2 * PAYLOAD));
        }
        assertThat(sha256(dir.resolve(BACKUP)))
                .as("the backup is the plain file, byte for byte")
                .isEqualTo(plain);
        assertThat(names(dir)).containsExactly("cache.db", BACKUP);
    }

    @Test
    void open_plainV1Cache_resultIsSqlCipher4ThatPlainSqliteCannotRead() throws Exception {
        PlainCaches.v1(file(), "k1");

        open().store().close();

        SqlCipherFiles.assertSqlCipher4(file(), KEY);
        assertThat(new String(Files.readAllBytes(file()), java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain("Quarterly report", "cache_entries", "account-1");
        assertThatThrownBy(() -> {
                    try (Connection plain = DriverManager.getConnection("jdbc:sqlite:" + file())) {
                        queryString(plain, "SELECT COUNT(*) FROM cache_entries");
                    }
                })
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("not a database");
        try (Connection raw = StoreFixtures.raw(file(), KEY)) {
            assertThat(queryString(raw, "SELECT COUNT(*) FROM cache_entries")).isEqualTo("1");
            assertThat(queryString(raw, "SELECT MAX(version) FROM schema_version"))
                    .isEqualTo(String.valueOf(Migrations.SCRIPTS.size()));
        }
    }

    @Test
    void open_plainV1Cache_logsOneWarningNamingTheBackupWithoutTheKey() throws Exception {
        PlainCaches.v1(file(), "k1");

        try (LogCapture logs = LogCapture.of("org.m365mcp.cache.store")) {
            open().store().close();

            assertThat(logs.messagesAt(Level.WARNING))
                    .singleElement()
                    .asString()
                    .contains(dir.resolve(BACKUP).toString(), "PLAINTEXT", "Delete it")
                    .doesNotContain(KEY.secret());
            assertThat(logs.allText()).doesNotContain(KEY.secret());
        }
    }

    @Test
    void open_plainV1Cache_backupIsOwnerReadWriteOnly() throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX file system");
        PlainCaches.v1(file(), "k1");

        open().store().close();

        assertThat(Files.getPosixFilePermissions(dir.resolve(BACKUP))).isEqualTo(OwnerOnlyFiles.OWNER_READ_WRITE);
        assertThat(Files.getPosixFilePermissions(file())).isEqualTo(OwnerOnlyFiles.OWNER_READ_WRITE);
    }

    @Test
    void open_plainCacheWithUncheckpointedWal_keepsTheWalRowsInStoreAndBackup() throws Exception {
        Path live = PlainCaches.v1(dir.resolve("live.db"), "k1");
        try (Connection plain = EncryptedCopy.openPlain(live);
                Statement statement = plain.createStatement()) {
            statement.executeQuery("PRAGMA journal_mode = WAL").close();
            statement.execute("PRAGMA wal_autocheckpoint = 0");
            PlainCaches.insert(plain, "in-wal");
            // a crash: the main file and its un-checkpointed WAL are all that is left on disk
            Files.copy(live, file());
            Files.copy(DatabaseFiles.sibling(live, "-wal"), DatabaseFiles.sibling(file(), "-wal"));
        }

        try (CacheStore store = open().store()) {
            assertThat(store.read("in-wal").orElseThrow().payload()).isEqualTo(text(PAYLOAD));
            assertThat(store.read("k1")).isPresent();
        }
        assertThat(names(dir))
                .as("checkpointed into the backup, no WAL left")
                .containsExactly("cache.db", BACKUP, "live.db");
        try (Connection backup = EncryptedCopy.openPlain(dir.resolve(BACKUP))) {
            assertThat(queryString(backup, "SELECT COUNT(*) FROM cache_entries"))
                    .isEqualTo("2");
        }
    }

    @Test
    void open_plainCacheWith1024BytePages_isRebuiltWith4096BytePages() throws Exception {
        try (Connection plain = EncryptedCopy.openPlain(file());
                Statement statement = plain.createStatement()) {
            statement.execute("PRAGMA page_size = 1024");
            Migrations.migrate(plain, file(), CLOCK);
            PlainCaches.insert(plain, "k1");
            assertThat(queryString(plain, "PRAGMA page_size")).isEqualTo("1024");
        }

        try (CacheStore store = open().store()) {
            assertThat(store.read("k1").orElseThrow().payload()).isEqualTo(text(PAYLOAD));
        }
        try (Connection raw = StoreFixtures.raw(file(), KEY)) {
            assertThat(queryString(raw, "PRAGMA page_size")).isEqualTo("4096");
        }
    }

    @Test
    void open_plainFileWithoutTables_isEncryptedAndMigrated() throws Exception {
        PlainCaches.foreign(file(), "CREATE TABLE t (x)", "DROP TABLE t");
        assertThat(StoreOpener.isPlainSqlite(file())).isTrue();

        OpenedStore opened = open();

        try (CacheStore store = opened.store()) {
            assertThat(opened.unencryptedBackup()).contains(dir.resolve(BACKUP));
            assertThat(store.schemaVersion()).isEqualTo(Migrations.SCRIPTS.size());
        }
    }

    @Test
    void open_pythonEraCache_isSetAsideUnchangedAndNotMigrated() throws Exception {
        PlainCaches.foreign(
                file(),
                "CREATE TABLE cache_entries (cache_key TEXT PRIMARY KEY, data_blob BLOB," + " created REAL)",
                "INSERT INTO cache_entries VALUES ('k', 'plaintext mail', 1.5)");
        String before = sha256(file());

        OpenedStore opened = open();

        try (CacheStore store = opened.store()) {
            assertThat(opened.unencryptedBackup()).isEmpty();
            assertThat(store.summary().entries()).isZero();
        }
        Path aside = opened.setAside().orElseThrow().file();
        assertThat(aside.getFileName().toString()).isEqualTo("cache.db.unencrypted-20261121T053600Z");
        assertThat(sha256(aside)).isEqualTo(before);
        assertThat(names(dir)).doesNotContain(BACKUP, "cache.db.migration", "cache.db.migrating");
    }

    @Test
    void open_plainCacheOfANewerSchema_isSetAsideNotMigrated() throws Exception {
        PlainCaches.v1(file(), "k1");
        try (Connection plain = EncryptedCopy.openPlain(file());
                Statement statement = plain.createStatement()) {
            statement.execute("INSERT INTO schema_version VALUES (99, 'V99__future.sql', 0)");
        }

        OpenedStore opened = open();

        opened.store().close();
        assertThat(opened.unencryptedBackup()).isEmpty();
        assertThat(opened.setAside()).isPresent();
    }

    @Test
    void migrate_failureBeforeSwap_leavesOriginalUnchangedKeepsCompleteBackupAndNoWorkFiles() throws Exception {
        PlainCaches.v1(file(), "k1");
        String plain = sha256(file());

        assertThatThrownBy(() -> PlainCacheMigration.migrateIfPlain(file(), KEY, CLOCK, step -> {
                    if (step == Step.COPIED) {
                        throw new IllegalStateException("disk full");
                    }
                }))
                .hasMessageContaining("disk full");

        assertThat(sha256(file())).isEqualTo(plain);
        assertThat(names(dir)).containsExactly("cache.db", BACKUP);
    }

    @Test
    void migrate_failureWhileBackingUp_removesTheIncompleteBackup() throws Exception {
        PlainCaches.v1(file(), "k1");
        String plain = sha256(file());

        assertThatThrownBy(() -> PlainCacheMigration.migrateIfPlain(file(), KEY, CLOCK, step -> {
                    if (step == Step.BACKED_UP) {
                        throw new IllegalStateException("disk full");
                    }
                }))
                .hasMessageContaining("disk full");

        assertThat(sha256(file())).isEqualTo(plain);
        assertThat(names(dir)).containsExactly("cache.db");
    }

    @Test
    void open_journalInBackupWithTruncatedBackup_redoesTheWholeBackup() throws Exception {
        PlainCaches.v1(file(), "k1");
        String plain = sha256(file());
        Files.write(dir.resolve(BACKUP), new byte[] {'S', 'Q', 'L'});
        new MigrationJournal(Phase.BACKUP, BACKUP).write(file());

        try (CacheStore store = open().store()) {
            assertThat(store.read("k1")).isPresent();
        }
        assertThat(sha256(dir.resolve(BACKUP))).isEqualTo(plain);
        assertThat(names(dir)).containsExactly("cache.db", BACKUP);
    }

    @Test
    void open_journalInEncryptWithGarbageWorkingCopy_discardsItAndEncryptsAgain() throws Exception {
        PlainCaches.v1(file(), "k1");
        Files.copy(file(), dir.resolve(BACKUP));
        Files.write(dir.resolve("cache.db.migrating"), "half a page".getBytes());
        Files.write(dir.resolve("cache.db.migrating-journal"), new byte[] {1, 2, 3});
        new MigrationJournal(Phase.ENCRYPT, BACKUP).write(file());

        try (CacheStore store = open().store()) {
            assertThat(store.read("k1").orElseThrow().payload()).isEqualTo(text(PAYLOAD));
        }
        assertThat(names(dir)).containsExactly("cache.db", BACKUP);
    }

    @Test
    void open_staleJournalBesideEncryptedStore_isDroppedAndDeletesNothingElse() throws Exception {
        try (CacheStore store = CacheStore.open(StoreSettings.defaults(file()), KEY, CLOCK)) {
            store.write(StoreFixtures.entry("k1", text(PAYLOAD)));
        }
        Files.write(dir.resolve(BACKUP), new byte[] {1});
        new MigrationJournal(Phase.ENCRYPT, BACKUP).write(file());

        try (CacheStore store = open().store()) {
            assertThat(store.read("k1")).isPresent();
        }
        assertThat(names(dir)).contains("cache.db", BACKUP).doesNotContain("cache.db.migration");
    }

    @Test
    void migrate_encryptedStore_doesNothing() throws Exception {
        CacheStore.open(StoreSettings.defaults(file()), KEY, CLOCK).close();
        String before = sha256(file());

        assertThat(PlainCacheMigration.migrateIfPlain(file(), KEY, CLOCK)).isEmpty();

        assertThat(sha256(file())).isEqualTo(before);
    }
}
