package org.m365mcp.cache.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.m365mcp.cache.key.CacheKey;
import org.sqlite.mc.SQLiteMCSqlCipherConfig;

/**
 * The SQLite work behind {@link PlainCacheMigration} and {@link StoreRekey}: a consistent copy of
 * a database, re-encrypted with another key, and the row counts that prove nothing was lost.
 *
 * <ul>
 *   <li>Only ever works on a private copy: SQLite3 Multiple Ciphers rewrites every page in place
 *       when it re-keys, so an interrupted re-key leaves a file that may open with neither key.
 *       The copy replaces the original only once it is proven.
 *   <li>The willena driver (SQLite3MC 1.5.5) has no {@code sqlcipher_export()}, hence
 *       {@code VACUUM INTO} for the copy and {@code PRAGMA hexrekey} for the new key. It refuses to
 *       re-key in WAL mode, so the copy is switched to a rollback journal first.
 *   <li>The new key travels hex-encoded inside the PRAGMA (a PRAGMA takes no bound parameter); the
 *       statement text is never logged and SQLite's error messages never contain it.
 *   <li>Stateless and thread-safe; each call opens and closes its own connection.
 * </ul>
 */
final class EncryptedCopy {

    private static final org.sqlite.JDBC DRIVER = new org.sqlite.JDBC();

    private EncryptedCopy() {}

    /** A connection to a plain (unencrypted) SQLite file. */
    static Connection openPlain(Path file) throws SQLException {
        return DRIVER.connect("jdbc:sqlite:" + file.toAbsolutePath(), new Properties());
    }

    /**
     * Writes a consistent snapshot of {@code source}'s main database (its WAL included) to
     * {@code target}, which must be absent or empty; it is created mode 0600. The snapshot has the
     * source's encryption: none for a plain source, the same key for an encrypted one.
     */
    static void snapshot(Connection source, Path target) throws SQLException, IOException {
        OwnerOnlyFiles.createIfAbsent(target);
        OwnerOnlyFiles.restrict(target);
        try (PreparedStatement vacuum = source.prepareStatement("VACUUM INTO ?")) {
            vacuum.setString(1, target.toAbsolutePath().toString());
            vacuum.execute();
        }
    }

    /**
     * Re-encrypts {@code copy} in place with {@code newKey} (SQLCipher 4 settings): a plain copy
     * ({@code currentKey} empty) is encrypted, an encrypted one re-keyed. Leaves it in rollback-journal
     * mode with no companion files.
     */
    static void rekey(Path copy, Optional<CacheKey> currentKey, CacheKey newKey) throws SQLException {
        Properties properties = currentKey
                .map(SqlCipherConnections::properties)
                // the cipher settings without a key: SQLite3MC then reads the file as plain SQLite
                .orElseGet(() -> SQLiteMCSqlCipherConfig.getV4Defaults().build().toProperties());
        try (Connection connection = DRIVER.connect("jdbc:sqlite:" + copy.toAbsolutePath(), properties);
                Statement statement = connection.createStatement()) {
            statement.executeQuery("PRAGMA journal_mode = DELETE").close();
            if (pageSize(statement) != SqlCipherKeyCheck.PAGE_SIZE) {
                // SQLCipher 4 pages are 4096 bytes and a re-key cannot change the page size (an old plain
                // file may have 1024-byte pages): rebuild the copy with the right size first.
                statement.execute("PRAGMA page_size = " + SqlCipherKeyCheck.PAGE_SIZE);
                statement.execute("VACUUM");
            }
            statement.execute("PRAGMA hexrekey = '" + hex(newKey) + "'");
        }
    }

    /**
     * Proves {@code copy} before it may replace a database: opened the normal way with {@code key}
     * (which verifies SQLCipher 4 page 1 under it), every table holds {@code expectedRows}; then runs
     * {@code finish} (e.g. migrations), leaves WAL mode and fsyncs, so the copy is one durable file.
     */
    static void proveAndSeal(Path copy, CacheKey key, Map<String, Long> expectedRows, ConnectionWork finish)
            throws SQLException, IOException {
        try (Connection connection = SqlCipherConnections.open(copy, key)) {
            Map<String, Long> rows = rowCounts(connection);
            if (!rows.equals(expectedRows)) {
                throw new SQLException("the copy lost rows: " + expectedRows + " became " + rows);
            }
            finish.run(connection);
            try (Statement statement = connection.createStatement()) {
                statement.executeQuery("PRAGMA journal_mode = DELETE").close();
            }
        }
        for (Path companion : DatabaseFiles.companions(copy)) {
            if (Files.exists(companion)) {
                throw new IOException(companion + " is left over after closing " + copy);
            }
        }
        DatabaseFiles.force(copy);
    }

    /** Rows per table (SQLite's own tables included), in name order. */
    static Map<String, Long> rowCounts(Connection connection) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet tables =
                        statement.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")) {
            while (tables.next()) {
                counts.put(tables.getString(1), null);
            }
        }
        for (String table : counts.keySet()) {
            try (Statement statement = connection.createStatement();
                    ResultSet count =
                            statement.executeQuery("SELECT COUNT(*) FROM \"" + table.replace("\"", "\"\"") + "\"")) {
                count.next();
                counts.put(table, count.getLong(1));
            }
        }
        return counts;
    }

    /** Work on an open connection. */
    @FunctionalInterface
    interface ConnectionWork {
        void run(Connection connection) throws SQLException;
    }

    private static int pageSize(Statement statement) throws SQLException {
        try (ResultSet row = statement.executeQuery("PRAGMA page_size")) {
            return row.next() ? row.getInt(1) : 0;
        }
    }

    /** The passphrase's UTF-8 bytes in hex: SQLite3MC's hexrekey is the same passphrase, unquoted. */
    private static String hex(CacheKey key) {
        return HexFormat.of().formatHex(key.secret().getBytes(StandardCharsets.UTF_8));
    }
}
