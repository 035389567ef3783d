package org.m365mcp.cache.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.m365mcp.cache.store.StoreFixtures.KEY;
import static org.m365mcp.cache.store.StoreFixtures.OTHER_KEY;
import static org.m365mcp.cache.store.StoreFixtures.entry;
import static org.m365mcp.cache.store.StoreFixtures.text;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqlCipherKeyCheckTest {

    @TempDir
    Path dir;

    @Test
    void opens_fileWrittenWithKey_isTrue() throws Exception {
        assertThat(SqlCipherKeyCheck.opens(encrypted(), KEY)).isTrue();
    }

    @Test
    void opens_otherKey_isFalse() throws Exception {
        assertThat(SqlCipherKeyCheck.opens(encrypted(), OTHER_KEY)).isFalse();
    }

    @Test
    void opens_plainSqliteFile_isFalse() throws Exception {
        Path file = dir.resolve("plain.db");
        try (Connection plain = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            plain.createStatement().execute("CREATE TABLE t (x)");
        }

        assertThat(SqlCipherKeyCheck.opens(file, KEY)).isFalse();
    }

    @Test
    void opens_fileShorterThanOnePage_isFalse() throws Exception {
        Path file = Files.write(dir.resolve("short.db"), new byte[100]);

        assertThat(SqlCipherKeyCheck.opens(file, KEY)).isFalse();
    }

    private Path encrypted() {
        Path file = dir.resolve("cache.db");
        try (CacheStore store = CacheStore.open(StoreSettings.defaults(file), KEY)) {
            store.write(entry("k", text(100_000)));
        }
        return file;
    }
}
