package org.m365mcp.cache.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.m365mcp.cache.store.StoreFixtures.KEY;
import static org.m365mcp.cache.store.StoreFixtures.OTHER_KEY;
import static org.m365mcp.cache.store.StoreFixtures.entry;
import static org.m365mcp.cache.store.StoreFixtures.queryString;
import static org.m365mcp.cache.store.StoreFixtures.text;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EncryptionAtRestTest {

    @TempDir
    Path dir;

    @Test
    void file_afterWrite_hasNoSqliteHeaderNorPlaintext() throws Exception {
        Path file = written();

        byte[] bytes = Files.readAllBytes(file);
        assertThat(new String(bytes, 0, 16, StandardCharsets.ISO_8859_1)).isNotEqualTo("SQLite format 3\0");
        assertThat(new String(bytes, StandardCharsets.ISO_8859_1))
                .doesNotContain("Quarterly report", "cache_entries", "account-1");
    }

    @Test
    void open_withoutKey_cannotReadFile() throws Exception {
        Path file = written();

        assertThatThrownBy(() -> {
                    try (Connection plain = DriverManager.getConnection("jdbc:sqlite:" + file)) {
                        queryString(plain, "SELECT COUNT(*) FROM cache_entries");
                    }
                })
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("not a database");
    }

    @Test
    void open_withOtherKey_isUnreadableAndMessageHasNoKey() throws Exception {
        Path file = written();

        assertThatThrownBy(() -> CacheStore.open(StoreSettings.defaults(file), OTHER_KEY))
                .isInstanceOfSatisfying(
                        StoreException.class, e -> assertThat(e.unreadable()).isTrue())
                .hasMessageNotContaining(OTHER_KEY.secret())
                .hasMessageNotContaining(KEY.secret());
    }

    @Test
    void file_created_isOwnerReadWriteOnly() throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX file system");
        Path file = dir.resolve("cache.db");
        try (CacheStore store = CacheStore.open(StoreSettings.defaults(file), KEY)) {
            store.write(entry("k", text(100)));

            for (Path path : OwnerOnlyFiles.withCompanions(file)) {
                if (Files.exists(path)) {
                    assertThat(Files.getPosixFilePermissions(path))
                            .as(path.toString())
                            .isEqualTo(OwnerOnlyFiles.OWNER_READ_WRITE);
                }
            }
            assertThat(file.resolveSibling("cache.db-wal")).as("WAL mode").exists();
        }
    }

    @Test
    void pragmas_openedFile_matchSqlCipher4Defaults() throws Exception {
        Path file = written();

        SqlCipherFiles.assertSqlCipher4(file, KEY);
        try (Connection raw = StoreFixtures.raw(file, KEY)) {
            assertThat(queryString(raw, "PRAGMA journal_mode")).isEqualTo("wal");
        }
    }

    @Test
    void properties_keyIsPassphraseNotRawKey() {
        var properties = SqlCipherConnections.properties(KEY);

        assertThat(properties.getProperty("hexkey_mode")).isEqualTo("NONE");
        assertThat(properties.getProperty("cipher")).isEqualTo("sqlcipher");
        assertThat(properties.getProperty("legacy")).isEqualTo("4");
    }

    @Test
    void sqlite3Cli_withoutKey_cannotReadFile() throws Exception {
        // CI installs plain SQLite's CLI (.ci/run) and must run this; elsewhere it may be absent.
        assumeTrue(onPath("sqlite3") || "true".equals(System.getenv("CI")), "no sqlite3 CLI installed");
        Path file = written();
        String cli = "sqlite3";

        Process process = new ProcessBuilder(cli, file.toString(), "SELECT COUNT(*) FROM cache_entries;")
                .redirectErrorStream(true)
                .start();
        String output;
        try (InputStream out = process.getInputStream()) {
            output = new String(out.readAllBytes(), StandardCharsets.UTF_8);
        }

        assertThat(process.waitFor()).isNotZero();
        assertThat(output).contains("not a database");
    }

    private Path written() {
        Path file = dir.resolve("cache.db");
        try (CacheStore store = CacheStore.open(StoreSettings.defaults(file), KEY)) {
            store.write(entry("email_list:account-1:folder=inbox", text(5_000)));
        }
        return file;
    }

    private static boolean onPath(String command) {
        for (String directory : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(directory, command))) {
                return true;
            }
        }
        return false;
    }
}
