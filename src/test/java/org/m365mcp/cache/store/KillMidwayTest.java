package org.m365mcp.cache.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.m365mcp.cache.store.PlainCaches.BACKUP;
import static org.m365mcp.cache.store.PlainCaches.CLOCK;
import static org.m365mcp.cache.store.PlainCaches.PAYLOAD;
import static org.m365mcp.cache.store.PlainCaches.names;
import static org.m365mcp.cache.store.StoreFixtures.KEY;
import static org.m365mcp.cache.store.StoreFixtures.OTHER_KEY;
import static org.m365mcp.cache.store.StoreFixtures.entry;
import static org.m365mcp.cache.store.StoreFixtures.sha256;
import static org.m365mcp.cache.store.StoreFixtures.text;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.m365mcp.cache.key.CacheKey;

/**
 * The migration and the key rotation killed for real, in a second JVM, after each of their steps;
 * the next open in this JVM must recover without losing the data, the encryption or the backup.
 */
class KillMidwayTest {

    @TempDir
    Path dir;

    @TempDir
    Path logs;

    private Path file() {
        return dir.resolve("cache.db");
    }

    @ParameterizedTest
    @EnumSource(PlainCacheMigration.Step.class)
    void migrate_killedAfterStep_nextOpenFinishesEncryptedWithEntriesAndBackup(PlainCacheMigration.Step step)
            throws Exception {
        PlainCaches.v1(file(), "k1", "k2");
        String plain = sha256(file());

        assertThat(runHalting("migrate", step.name())).isEqualTo(HaltingMain.HALTED);

        boolean moved = step == PlainCacheMigration.Step.MOVED;
        assertThat(StoreOpener.isPlainSqlite(file()))
                .as("the original stays plain until the rename")
                .isEqualTo(!moved);
        assertThat(SqlCipherKeyCheck.opens(file(), KEY)).isEqualTo(moved);
        assertThat(MigrationJournal.of(file())).exists();

        OpenedStore opened = StoreOpener.open(StoreSettings.defaults(file()), KEY, CLOCK);

        try (CacheStore store = opened.store()) {
            assertThat(opened.setAside()).isEmpty();
            assertThat(opened.unencryptedBackup()).contains(dir.resolve(BACKUP));
            assertThat(store.read("k1").orElseThrow().payload()).isEqualTo(text(PAYLOAD));
            assertThat(store.read("k2").orElseThrow().payload()).isEqualTo(text(PAYLOAD));
            assertThat(store.summary().entries()).isEqualTo(2);
        }
        assertThat(StoreOpener.isPlainSqlite(file())).isFalse();
        assertThat(SqlCipherKeyCheck.opens(file(), KEY)).isTrue();
        assertThat(sha256(dir.resolve(BACKUP))).isEqualTo(plain);
        assertThat(names(dir)).containsExactly("cache.db", BACKUP);
    }

    @ParameterizedTest
    @EnumSource(StoreRekey.Step.class)
    void rekeyWithKeyring_killedAfterStep_fileOpensWithOneKeyAndNextOpenKeepsEntries(StoreRekey.Step step)
            throws Exception {
        encryptedStore();

        assertThat(runHalting("rekey-keyring", step.name())).isEqualTo(HaltingMain.HALTED);

        boolean moved = step == StoreRekey.Step.MOVED;
        assertThat(SqlCipherKeyCheck.opens(file(), KEY))
                .as("old key until the rename")
                .isEqualTo(!moved);
        assertThat(SqlCipherKeyCheck.opens(file(), OTHER_KEY))
                .as("new key after it")
                .isEqualTo(moved);
        CacheKey keyring = HaltingMain.keyringKey(file());
        assertThat(keyring).isEqualTo(step.compareTo(StoreRekey.Step.KEY_COMMITTED) >= 0 ? OTHER_KEY : KEY);

        assertRecoversWith(keyring);
    }

    @Test
    void rekeyWithEnvironmentKey_killedAfterProven_nextOpenWithUnchangedVariableKeepsOldKey() throws Exception {
        encryptedStore();

        assertThat(runHalting("rekey-environment", StoreRekey.Step.PROVEN.name()))
                .isEqualTo(HaltingMain.HALTED);

        assertThat(names(dir)).contains("cache.db.rekeyed");
        assertRecoversWith(KEY);
        assertThat(SqlCipherKeyCheck.opens(file(), KEY)).isTrue();
    }

    private void encryptedStore() {
        try (CacheStore store = CacheStore.open(StoreSettings.defaults(file()), KEY, CLOCK)) {
            store.write(entry("k1", text(PAYLOAD)));
            store.write(entry("k2", text(60_000)));
        }
    }

    private void assertRecoversWith(CacheKey key) throws Exception {
        OpenedStore opened = StoreOpener.open(StoreSettings.defaults(file()), key, CLOCK);
        try (CacheStore store = opened.store()) {
            assertThat(opened.setAside()).isEmpty();
            assertThat(store.read("k1").orElseThrow().payload()).isEqualTo(text(PAYLOAD));
            assertThat(store.read("k2").orElseThrow().payload()).isEqualTo(text(60_000));
        }
        assertThat(names(dir))
                .doesNotContain("cache.db.rekeying", "cache.db.rekeyed")
                .allMatch(name -> name.startsWith("cache.db") || name.equals("keyring"));
    }

    /** Runs {@link HaltingMain} in a new JVM with this one's class path; returns its exit code. */
    private int runHalting(String operation, String step) throws Exception {
        String java = ProcessHandle.current().info().command().orElseThrow();
        Path log = logs.resolve(operation + "-" + step + ".log");
        Process process = new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        HaltingMain.class.getName(),
                        operation,
                        file().toString(),
                        step)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS))
                .as("the child JVM finished")
                .isTrue();
        assertThat(process.exitValue()).as(() -> "child output:\n" + read(log)).isEqualTo(HaltingMain.HALTED);
        return process.exitValue();
    }

    private static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }
}
