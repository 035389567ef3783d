package org.m365mcp.cache.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.m365mcp.cache.store.StoreFixtures.queryString;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.m365mcp.cache.key.CacheKey;

/** Assertions that a file is a SQLCipher 4 database under a key, the SPEC §4 settings included. */
final class SqlCipherFiles {

    private SqlCipherFiles() {}

    static void assertSqlCipher4(Path file, CacheKey key) throws SQLException, IOException {
        assertThat(StoreOpener.isPlainSqlite(file)).as("plain SQLite header").isFalse();
        assertThat(SqlCipherKeyCheck.opens(file, key))
                .as("page 1 authenticates under the key")
                .isTrue();
        try (Connection raw = StoreFixtures.raw(file, key)) {
            assertThat(queryString(raw, "PRAGMA cipher")).isEqualTo("sqlcipher");
            assertThat(queryString(raw, "PRAGMA legacy")).isEqualTo("4");
            assertThat(queryString(raw, "PRAGMA kdf_iter")).isEqualTo("256000");
            assertThat(queryString(raw, "PRAGMA legacy_page_size")).isEqualTo("4096");
            assertThat(queryString(raw, "PRAGMA page_size")).isEqualTo("4096");
            assertThat(queryString(raw, "PRAGMA hmac_algorithm"))
                    .as("2 = SHA512")
                    .isEqualTo("2");
            assertThat(queryString(raw, "PRAGMA kdf_algorithm"))
                    .as("2 = SHA512")
                    .isEqualTo("2");
            assertThat(queryString(raw, "PRAGMA hmac_use")).isEqualTo("1");
            assertThat(queryString(raw, "PRAGMA integrity_check")).isEqualTo("ok");
        }
    }
}
