package org.m365mcp.cache.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import org.m365mcp.cache.key.CacheKey;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.mc.SQLiteMCSqlCipherConfig;

/**
 * Opens SQLCipher 4 connections through willena's sqlite-jdbc (SQLite3 Multiple Ciphers).
 *
 * <ul>
 *   <li>Cipher settings are SQLCipher 4's defaults: AES-256, page size 4096, kdf_iter 256000,
 *       HMAC-SHA512, PBKDF2-HMAC-SHA512. The key is a passphrase, so the KDF applies.
 *   <li>The key travels only in the connection {@link Properties}, never in the URL, never in a
 *       message.
 *   <li>An existing file's key is verified before SQLite sees it ({@link SqlCipherKeyCheck}), so
 *       a wrong key leaves the file and its {@code -wal}/{@code -shm} untouched; reading
 *       {@code sqlite_master} then confirms it before anything is written. Once page 1 has
 *       authenticated, SQLITE_NOTADB or SQLITE_CORRUPT means a damaged file, not a wrong key.
 *   <li>Per connection: WAL journal, {@code synchronous = NORMAL} (in WAL mode a commit no longer
 *       waits for fsync; the file stays consistent, and a power cut may lose the last commits,
 *       which a cache can afford), the busy timeout, and {@code case_sensitive_like} so that key
 *       patterns match case exactly (Graph ids are case-sensitive).
 * </ul>
 */
final class SqlCipherConnections {

    private static final org.sqlite.JDBC DRIVER = new org.sqlite.JDBC();

    private SqlCipherConnections() {}

    /** The driver properties for {@code key}: SQLCipher 4 defaults plus the passphrase. */
    static Properties properties(CacheKey key) {
        return SQLiteMCSqlCipherConfig.getV4Defaults()
                .withKey(key.secret())
                .build()
                .toProperties();
    }

    /** Opens {@code file} with {@code key}; see {@link #open(Path, CacheKey, Duration)}. */
    static Connection open(Path file, CacheKey key) {
        return open(file, key, StoreSettings.DEFAULT_BUSY_TIMEOUT, StoreEncryption.SQLCIPHER);
    }

    /**
     * Opens {@code file} with {@code key}, creating it (mode 0600) if absent, and switches to WAL.
     *
     * @param key the passphrase; unused, and may be null, when {@code encryption} is
     *     {@link StoreEncryption#NONE}
     * @param busyTimeout how long SQLite itself waits for another connection's lock
     * @param encryption {@link StoreEncryption#NONE} leaves out only the key check and the cipher
     *     properties; every pragma below still applies
     * @throws StoreException {@linkplain StoreException#unreadable() unreadable} if the key does not
     *     open an existing file
     */
    static Connection open(Path file, CacheKey key, Duration busyTimeout, StoreEncryption encryption) {
        boolean encrypted = encryption == StoreEncryption.SQLCIPHER;
        Connection connection = null;
        boolean keyVerified = false;
        try {
            if (encrypted && Files.exists(file) && Files.size(file) > 0) {
                if (!SqlCipherKeyCheck.opens(file, key)) {
                    throw unreadable(file, null);
                }
                keyVerified = true;
            }
            OwnerOnlyFiles.createIfAbsent(file);
            // The driver directly, not DriverManager: inside a WAR, DriverManager refuses a driver that the
            // web application's class loader registered ("No suitable driver").
            connection = DRIVER.connect(
                    "jdbc:sqlite:" + file.toAbsolutePath(), encrypted ? properties(key) : new Properties());
            try (Statement statement = connection.createStatement()) {
                statement.executeQuery("SELECT count(*) FROM sqlite_master").close();
                statement.execute("PRAGMA busy_timeout = " + busyTimeout.toMillis());
                statement.executeQuery("PRAGMA journal_mode = WAL").close();
                statement.execute("PRAGMA synchronous = NORMAL");
                statement.execute("PRAGMA case_sensitive_like = ON");
                statement.execute("PRAGMA foreign_keys = ON");
            }
            OwnerOnlyFiles.restrict(file);
            return connection;
        } catch (SQLException e) {
            closeQuietly(connection);
            if (StoreConnection.isDamage(e)
                    && (keyVerified || (e.getErrorCode() & 0xff) == SQLiteErrorCode.SQLITE_CORRUPT.code)) {
                throw new StoreException(
                        "Cache database " + file + " is damaged: " + e.getMessage(), e, StoreException.Kind.CORRUPT);
            }
            if (e.getErrorCode() == SQLiteErrorCode.SQLITE_NOTADB.code) {
                throw unreadable(file, e);
            }
            throw new StoreException("Cannot open cache database " + file + ": " + e.getMessage(), e);
        } catch (java.io.IOException e) {
            throw new StoreException("Cannot create cache database " + file + ": " + e.getMessage(), e);
        }
    }

    private static StoreException unreadable(Path file, SQLException cause) {
        return new StoreException(
                "Cache database " + file + " cannot be opened with this key (wrong key, or not an encrypted cache)",
                cause,
                StoreException.Kind.UNREADABLE);
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // already failing; the original error is the one worth reporting
            }
        }
    }
}
