package org.m365mcp.cache.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.m365mcp.cache.store.StoreFixtures.KEY;
import static org.m365mcp.cache.store.StoreFixtures.entry;
import static org.m365mcp.cache.store.StoreFixtures.queryString;
import static org.m365mcp.cache.store.StoreFixtures.sha256;
import static org.m365mcp.cache.store.StoreFixtures.text;

import java.lang.reflect.Executable;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark-only plain store: plain on disk, the same store otherwise, out of production's reach. */
class UnencryptedStoreTest {

    private static final String SQLITE_HEADER = "SQLite format 3\0";
    private static final Clock CLOCK = Clock.systemUTC();

    @TempDir
    Path dir;

    @Test
    void openUnencrypted_afterWrite_isPlainSqliteReadableWithoutKey() throws Exception {
        Path file = dir.resolve("plain.db");
        try (CacheStore store = CacheStore.openUnencrypted(StoreSettings.defaults(file), CLOCK)) {
            store.write(entry("email_list:account-1:folder=inbox", text(5_000)));
        }

        assertThat(header(file)).isEqualTo(SQLITE_HEADER);
        try (Connection plain = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            assertThat(queryString(plain, "SELECT key FROM cache_entries"))
                    .isEqualTo("email_list:account-1:folder=inbox");
            assertThat(queryString(plain, "PRAGMA journal_mode")).isEqualTo("wal");
        }
    }

    @Test
    void open_sameSettings_isStillEncrypted() throws Exception {
        Path file = dir.resolve("encrypted.db");
        try (CacheStore store = CacheStore.open(StoreSettings.defaults(file), KEY, CLOCK)) {
            store.write(entry("email_list:account-1:folder=inbox", text(5_000)));
        }

        assertThat(header(file)).isNotEqualTo(SQLITE_HEADER);
        assertThat(StoreOpener.isPlainSqlite(file)).isFalse();
    }

    @Test
    void openUnencrypted_roundTrips_withTheSameSchemaCodecAndRules() throws Exception {
        Path file = dir.resolve("plain.db");
        int encryptedVersion;
        try (CacheStore encrypted = CacheStore.open(StoreSettings.defaults(dir.resolve("e.db")), KEY, CLOCK)) {
            encryptedVersion = encrypted.schemaVersion();
        }
        byte[] large = text(60_000);
        try (CacheStore store = CacheStore.openUnencrypted(StoreSettings.defaults(file), CLOCK)) {
            store.write(entry("email_list:account-1:page=1", large));
            store.write(entry("email_list:account-1:page=2", text(1_000)));

            assertThat(store.schemaVersion()).isEqualTo(encryptedVersion);
            assertThat(store.read("email_list:account-1:page=1").orElseThrow().payload())
                    .isEqualTo(large);
            assertThat(store.invalidate("account-1", "email_list", "email_list:*:page=2", "test")
                            .count())
                    .isOne();
            assertThat(store.summary().entries()).isOne();
        }
        try (Connection plain = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            assertThat(queryString(plain, "SELECT compressed FROM cache_entries"))
                    .as("gzip at 50 KB")
                    .isEqualTo("1");
            assertThat(queryString(plain, "SELECT COUNT(*) FROM cache_invalidation"))
                    .isEqualTo("1");
        }
    }

    @Test
    void openUnencrypted_encryptedFile_isRefusedAndLeftUntouched() {
        Path file = dir.resolve("cache.db");
        try (CacheStore store = CacheStore.open(StoreSettings.defaults(file), KEY, CLOCK)) {
            store.write(entry("email_list:account-1:folder=inbox", text(5_000)));
        }
        String before = sha256(file);

        assertThatThrownBy(() -> CacheStore.openUnencrypted(StoreSettings.defaults(file), CLOCK))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("not a plain SQLite file");
        assertThat(sha256(file)).isEqualTo(before);
    }

    @Test
    void openUnencrypted_outsideTemporaryDirectory_isRefusedBeforeTouchingIt() {
        Path temporary =
                Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize();
        Path usualCache =
                Path.of(System.getProperty("user.home"), ".m365_mcp_cache.db").toAbsolutePath();
        assumeFalse(usualCache.normalize().startsWith(temporary), "home directory inside the temporary one");
        boolean existed = Files.exists(usualCache);

        assertThatThrownBy(() -> CacheStore.openUnencrypted(StoreSettings.defaults(usualCache), CLOCK))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("benchmarks only");
        assertThat(Files.exists(usualCache)).isEqualTo(existed);
    }

    @Test
    void encryptionChoice_isNotPartOfAnyPublicApi() {
        assertThat(Modifier.isPublic(StoreEncryption.class.getModifiers())).isFalse();
        Stream.of(CacheStore.class, StoreOpener.class, StoreSettings.class, SizeLimits.class)
                .flatMap(type -> Stream.concat(
                        Arrays.stream(type.getDeclaredMethods()), Arrays.stream(type.getDeclaredConstructors())))
                .filter(member -> Modifier.isPublic(member.getModifiers()))
                .forEach(member -> assertThat(member.getParameterTypes())
                        .as(member.toString())
                        .doesNotContain(StoreEncryption.class));
        assertThat(Arrays.stream(CacheStore.class.getDeclaredMethods())
                        .filter(method -> method.getName().equals("openUnencrypted"))
                        .map(Executable::getModifiers))
                .singleElement()
                .matches(modifiers -> !Modifier.isPublic(modifiers) && !Modifier.isProtected(modifiers));
    }

    private static String header(Path file) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        return new String(bytes, 0, SQLITE_HEADER.length(), StandardCharsets.ISO_8859_1);
    }
}
