package org.m365mcp.cache.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.m365mcp.cache.store.PlainCaches.CLOCK;
import static org.m365mcp.cache.store.PlainCaches.names;
import static org.m365mcp.cache.store.StoreFixtures.KEY;
import static org.m365mcp.cache.store.StoreFixtures.OTHER_KEY;
import static org.m365mcp.cache.store.StoreFixtures.entry;
import static org.m365mcp.cache.store.StoreFixtures.queryString;
import static org.m365mcp.cache.store.StoreFixtures.sha256;
import static org.m365mcp.cache.store.StoreFixtures.text;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.m365mcp.cache.key.CacheKey;

class StoreRekeyTest {

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("cache.db");
    }

    private StoreSettings settings() {
        return StoreSettings.defaults(file());
    }

    private void storeWithEntries(CacheKey key, String... keys) {
        try (CacheStore store = CacheStore.open(settings(), key, CLOCK)) {
            for (String k : keys) {
                store.write(entry(k, text(60_000))); // above the threshold: stored compressed
            }
        }
    }

    @Test
    void rekey_populatedStore_opensOnlyWithNewKeyAndKeepsEveryEntry() throws Exception {
        storeWithEntries(KEY, "k1", "k2", "k3");

        StoreRekey.rekey(file(), KEY, OTHER_KEY, StoreRekey.KeyCommit.NONE);

        assertThat(SqlCipherKeyCheck.opens(file(), KEY)).isFalse();
        assertThat(SqlCipherKeyCheck.opens(file(), OTHER_KEY)).isTrue();
        try (CacheStore store = CacheStore.open(settings(), OTHER_KEY, CLOCK)) {
            assertThat(store.summary().entries()).isEqualTo(3);
            assertThat(store.read("k2").orElseThrow().payload()).isEqualTo(text(60_000));
        }
        assertThatThrownBy(() -> CacheStore.open(settings(), KEY, CLOCK))
                .isInstanceOfSatisfying(
                        StoreException.class, e -> assertThat(e.unreadable()).isTrue());
        assertThat(names(dir)).containsExactly("cache.db");
    }

    @Test
    void rekey_result_keepsSqlCipher4SettingsAndWalAfterReopen() throws Exception {
        storeWithEntries(KEY, "k1");

        StoreRekey.rekey(file(), KEY, OTHER_KEY, StoreRekey.KeyCommit.NONE);

        CacheStore.open(settings(), OTHER_KEY, CLOCK).close();
        SqlCipherFiles.assertSqlCipher4(file(), OTHER_KEY);
        try (Connection raw = StoreFixtures.raw(file(), OTHER_KEY)) {
            assertThat(queryString(raw, "PRAGMA journal_mode")).isEqualTo("wal");
        }
    }

    @Test
    void rekey_storeWithUncheckpointedWal_keepsTheWalEntries() throws Exception {
        Path live = dir.resolve("live.db");
        try (CacheStore store = CacheStore.open(StoreSettings.defaults(live), KEY, CLOCK)) {
            store.write(entry("in-wal", text(100)));
            Files.copy(live, file());
            Files.copy(DatabaseFiles.sibling(live, "-wal"), DatabaseFiles.sibling(file(), "-wal"));
        }

        StoreRekey.rekey(file(), KEY, OTHER_KEY, StoreRekey.KeyCommit.NONE);

        try (CacheStore store = CacheStore.open(settings(), OTHER_KEY, CLOCK)) {
            assertThat(store.read("in-wal")).isPresent();
        }
    }

    @Test
    void rekey_wrongCurrentKey_throwsUnreadableAndChangesNothing() throws Exception {
        storeWithEntries(KEY, "k1");
        String before = sha256(file());
        List<String> commits = new ArrayList<>();

        assertThatThrownBy(() ->
                        StoreRekey.rekey(file(), OTHER_KEY, CacheKey.of("third-key-0123456789"), recording(commits)))
                .isInstanceOfSatisfying(
                        StoreException.class, e -> assertThat(e.unreadable()).isTrue())
                .hasMessageNotContaining(KEY.secret())
                .hasMessageNotContaining(OTHER_KEY.secret());

        assertThat(sha256(file())).isEqualTo(before);
        assertThat(commits).isEmpty();
        assertThat(names(dir)).containsExactly("cache.db");
    }

    @Test
    void rekey_keyCommitFails_fileStillOpensWithOldKeyAndCommitIsReverted() throws Exception {
        storeWithEntries(KEY, "k1");
        List<String> commits = new ArrayList<>();

        assertThatThrownBy(() -> StoreRekey.rekey(file(), KEY, OTHER_KEY, new StoreRekey.KeyCommit() {
                    @Override
                    public void commit() {
                        commits.add("commit");
                        throw new IllegalStateException("keyring locked");
                    }

                    @Override
                    public void revert() {
                        commits.add("revert");
                    }
                }))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("keyring locked")
                .hasMessageContaining("still opens with its current key");

        assertThat(commits).containsExactly("commit", "revert");
        assertThat(SqlCipherKeyCheck.opens(file(), KEY)).isTrue();
        try (CacheStore store = CacheStore.open(settings(), KEY, CLOCK)) {
            assertThat(store.read("k1")).isPresent();
        }
        assertThat(names(dir)).doesNotContain("cache.db.rekeyed", "cache.db.rekeying");
    }

    @Test
    void rekey_success_commitsOnceAndNeverReverts() {
        storeWithEntries(KEY, "k1");
        List<String> commits = new ArrayList<>();

        StoreRekey.rekey(file(), KEY, OTHER_KEY, recording(commits));

        assertThat(commits).containsExactly("commit");
    }

    @Test
    void rekey_sameKey_isRejectedBeforeTouchingAnything() {
        storeWithEntries(KEY, "k1");

        assertThatThrownBy(() -> StoreRekey.rekey(file(), KEY, CacheKey.of(KEY.secret()), StoreRekey.KeyCommit.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining(KEY.secret());
    }

    @Test
    void driver_pragmaRekeyInWalMode_isRefused() throws Exception {
        storeWithEntries(KEY, "k1");

        // why StoreRekey switches its copy out of WAL: SQLite3 Multiple Ciphers refuses otherwise
        try (Connection raw = StoreFixtures.raw(file(), KEY);
                Statement statement = raw.createStatement()) {
            assertThat(queryString(raw, "PRAGMA journal_mode")).isEqualTo("wal");
            assertThatThrownBy(() -> statement.execute("PRAGMA rekey = 'x-new-key'"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("not supported in WAL journal mode");
        }
        assertThat(SqlCipherKeyCheck.opens(file(), KEY)).isTrue();
    }

    @Test
    void recover_provenCopyAndDatabaseOpensWithKey_discardsTheCopy() throws Exception {
        storeWithEntries(KEY, "k1");
        Files.copy(file(), dir.resolve("cache.db.rekeyed"));
        Files.write(dir.resolve("cache.db.rekeying"), new byte[] {1});

        StoreRekey.recover(file(), KEY);

        assertThat(names(dir)).containsExactly("cache.db");
    }

    @Test
    void recover_provenCopyOpensWithKeyAndDatabaseDoesNot_replacesTheDatabase() throws Exception {
        storeWithEntries(OTHER_KEY, "new-key-entry");
        Files.move(file(), dir.resolve("cache.db.rekeyed"));
        storeWithEntries(KEY, "old-key-entry");

        StoreRekey.recover(file(), OTHER_KEY);

        assertThat(names(dir)).containsExactly("cache.db");
        try (CacheStore store = CacheStore.open(settings(), OTHER_KEY, CLOCK)) {
            assertThat(store.read("new-key-entry")).isPresent();
        }
    }

    @Test
    void recover_neitherOpensWithKey_keepsBoth() throws Exception {
        storeWithEntries(KEY, "k1");
        Files.copy(file(), dir.resolve("cache.db.rekeyed"));

        StoreRekey.recover(file(), CacheKey.of("a-third-key-nobody-used"));

        assertThat(names(dir)).containsExactly("cache.db", "cache.db.rekeyed");
    }

    private static StoreRekey.KeyCommit recording(List<String> calls) {
        return new StoreRekey.KeyCommit() {
            @Override
            public void commit() {
                calls.add("commit");
            }

            @Override
            public void revert() {
                calls.add("revert");
            }
        };
    }
}
