package org.m365mcp.cache.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.m365mcp.cache.store.StoreFixtures.KEY;
import static org.m365mcp.cache.store.StoreFixtures.OTHER_KEY;
import static org.m365mcp.cache.store.StoreFixtures.entry;
import static org.m365mcp.cache.store.StoreFixtures.sha256;
import static org.m365mcp.cache.store.StoreFixtures.text;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.m365mcp.cache.key.LogCapture;

class StoreOpenerTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T05:36:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void open_noFile_createsStoreWithoutSetAside() {
        OpenedStore opened = StoreOpener.open(StoreSettings.defaults(dir.resolve("cache.db")), KEY, CLOCK);

        try (CacheStore store = opened.store()) {
            assertThat(opened.setAside()).isEmpty();
            assertThat(store.write(entry("k", text(10))).stored()).isTrue();
        }
    }

    @Test
    void open_rightKey_keepsEntries() {
        Path file = encryptedWithEntry(KEY);

        OpenedStore opened = StoreOpener.open(StoreSettings.defaults(file), KEY, CLOCK);

        try (CacheStore store = opened.store()) {
            assertThat(opened.setAside()).isEmpty();
            assertThat(store.read("k")).isPresent();
        }
    }

    @Test
    void open_wrongKey_keepsOldFileByteForByteAndNewStoreWorks() {
        Path file = encryptedWithEntry(KEY);
        String before = sha256(file);

        try (LogCapture logs = LogCapture.of("org.m365mcp.cache.store")) {
            OpenedStore opened = StoreOpener.open(StoreSettings.defaults(file), OTHER_KEY, CLOCK);

            Path aside = opened.setAside().orElseThrow().file();
            assertThat(aside).isEqualTo(dir.resolve("cache.db.unreadable-20261121T053600Z"));
            assertThat(sha256(aside)).isEqualTo(before);
            try (CacheStore store = opened.store()) {
                assertThat(store.read("k")).isEmpty();
                assertThat(store.write(entry("new", text(10))).stored()).isTrue();
                assertThat(store.read("new")).isPresent();
            }
            assertThat(logs.messagesAt(Level.WARNING))
                    .singleElement()
                    .asString()
                    .contains(aside.toString(), "M365_MCP_CACHE_KEY", "m365-mcp-cache", "move the file back")
                    .doesNotContain(KEY.secret(), OTHER_KEY.secret());
            assertThat(logs.allText()).doesNotContain(KEY.secret(), OTHER_KEY.secret());
        }
    }

    @Test
    void open_setAsideFile_withOriginalKey_stillReadable() {
        Path file = encryptedWithEntry(KEY);
        Path aside = StoreOpener.open(StoreSettings.defaults(file), OTHER_KEY, CLOCK)
                .setAside()
                .orElseThrow()
                .file();

        try (CacheStore recovered = CacheStore.open(StoreSettings.defaults(aside), KEY)) {
            assertThat(recovered.read("k").orElseThrow().payload()).isEqualTo(text(100));
        }
    }

    @Test
    void open_plainSqliteFile_setsItAsideAsUnencrypted() throws Exception {
        Path file = dir.resolve("cache.db");
        try (Connection plain = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = plain.createStatement()) {
            statement.execute("CREATE TABLE cache (key TEXT, value BLOB)");
            statement.execute("INSERT INTO cache VALUES ('k', 'plaintext secret mail')");
        }
        assertThat(new String(Files.readAllBytes(file), 0, 15, StandardCharsets.US_ASCII))
                .isEqualTo("SQLite format 3");
        String before = sha256(file);

        OpenedStore opened = StoreOpener.open(StoreSettings.defaults(file), KEY, CLOCK);

        opened.store().close();
        Path aside = opened.setAside().orElseThrow().file();
        assertThat(aside.getFileName().toString()).isEqualTo("cache.db.unencrypted-20261121T053600Z");
        assertThat(sha256(aside)).isEqualTo(before);
        assertThat(StoreOpener.isPlainSqlite(file))
                .as("the new file is encrypted")
                .isFalse();
    }

    @Test
    void open_garbageWithWal_movesBothUnchanged() throws Exception {
        Path file = dir.resolve("cache.db");
        Files.write(
                file,
                "this is not a database at all, just some bytes........"
                        .repeat(100)
                        .getBytes());
        Path wal = dir.resolve("cache.db-wal");
        Files.write(wal, new byte[] {1, 2, 3, 4});
        String mainBefore = sha256(file);
        String walBefore = sha256(wal);

        OpenedStore opened = StoreOpener.open(StoreSettings.defaults(file), KEY, CLOCK);

        opened.store().close();
        Path aside = opened.setAside().orElseThrow().file();
        assertThat(aside.getFileName().toString()).startsWith("cache.db.unreadable-");
        assertThat(sha256(aside)).isEqualTo(mainBefore);
        assertThat(sha256(aside.resolveSibling(aside.getFileName() + "-wal"))).isEqualTo(walBefore);
    }

    @Test
    void open_wrongKeyAfterCrashWithWal_keepsWalSoEntriesRecoverWithRightKey() throws Exception {
        Path live = dir.resolve("live.db");
        Path file = dir.resolve("cache.db");
        try (CacheStore store = CacheStore.open(StoreSettings.defaults(live), KEY, CLOCK)) {
            store.write(entry("k", text(100)));
            // a crash: the main file and its un-checkpointed WAL are all that is left on disk
            Files.copy(live, file);
            Files.copy(live.resolveSibling("live.db-wal"), file.resolveSibling("cache.db-wal"));
        }
        String mainBefore = sha256(file);
        String walBefore = sha256(file.resolveSibling("cache.db-wal"));

        OpenedStore opened = StoreOpener.open(StoreSettings.defaults(file), OTHER_KEY, CLOCK);
        opened.store().close();

        Path aside = opened.setAside().orElseThrow().file();
        assertThat(sha256(aside)).isEqualTo(mainBefore);
        assertThat(sha256(aside.resolveSibling(aside.getFileName() + "-wal"))).isEqualTo(walBefore);
        try (CacheStore recovered = CacheStore.open(StoreSettings.defaults(aside), KEY)) {
            assertThat(recovered.read("k")).isPresent();
        }
    }

    @Test
    void open_unreadableTwiceInSameSecond_usesDistinctNames() {
        Path file = encryptedWithEntry(KEY);
        Path first = StoreOpener.open(StoreSettings.defaults(file), OTHER_KEY, CLOCK)
                .setAside()
                .orElseThrow()
                .file();
        StoreOpener.open(StoreSettings.defaults(file), OTHER_KEY, CLOCK).store().close();
        // the store just created with OTHER_KEY is now unreadable with KEY
        Path second = StoreOpener.open(StoreSettings.defaults(file), KEY, CLOCK)
                .setAside()
                .orElseThrow()
                .file();

        assertThat(second).isNotEqualTo(first).exists();
        assertThat(first).exists();
    }

    @Test
    void open_pathIsDirectory_throwsAndMovesNothing() throws Exception {
        Path directory = Files.createDirectory(dir.resolve("cache.db"));

        assertThatThrownBy(() -> StoreOpener.open(StoreSettings.defaults(directory), KEY, CLOCK))
                .isInstanceOfSatisfying(
                        StoreException.class, e -> assertThat(e.unreadable()).isFalse());
        assertThat(directory).isDirectory();
        try (var siblings = Files.list(dir)) {
            assertThat(siblings).containsExactly(directory);
        }
    }

    private Path encryptedWithEntry(org.m365mcp.cache.key.CacheKey key) {
        Path file = dir.resolve("cache.db");
        try (CacheStore store = CacheStore.open(StoreSettings.defaults(file), key, CLOCK)) {
            store.write(entry("k", text(100)));
        }
        return file;
    }
}
