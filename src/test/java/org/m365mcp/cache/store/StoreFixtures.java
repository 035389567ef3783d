package org.m365mcp.cache.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.m365mcp.cache.key.CacheKey;

/** Small builders and raw-database helpers shared by the store tests. */
final class StoreFixtures {

    static final CacheKey KEY = CacheKey.of("test-passphrase-for-the-cache-0123456789");
    static final CacheKey OTHER_KEY = CacheKey.of("a-different-passphrase-9876543210");
    static final Instant CREATED = Instant.parse("2026-11-21T05:00:00Z");

    private StoreFixtures() {}

    static StoredEntry entry(String key, byte[] payload) {
        return new StoredEntry(
                key, "account-1", "email_list", payload, CREATED, CREATED.plusSeconds(600), "{\"folder\":\"inbox\"}");
    }

    /** An entry of {@code accountId} and {@code resourceType} expiring at {@code expiresAt}. */
    static StoredEntry entry(String key, String accountId, String resourceType, int bytes, Instant expiresAt) {
        return new StoredEntry(key, accountId, resourceType, text(bytes), CREATED, expiresAt, null);
    }

    /** Compressible bytes (repeated text) of exactly {@code length}. */
    static byte[] text(int length) {
        byte[] bytes = new byte[length];
        byte[] pattern = "{\"subject\":\"Quarterly report\",\"from\":\"a@example.com\"},".getBytes();
        for (int i = 0; i < length; i++) {
            bytes[i] = pattern[i % pattern.length];
        }
        return bytes;
    }

    /** Incompressible bytes of exactly {@code length}. */
    static byte[] random(int length) {
        byte[] bytes = new byte[length];
        new Random(42).nextBytes(bytes);
        return bytes;
    }

    /** A raw connection with {@code key}, bypassing the store (for inspecting columns and PRAGMAs). */
    static Connection raw(Path file, CacheKey key) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + file, SqlCipherConnections.properties(key));
    }

    static String queryString(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            return row.next() ? row.getString(1) : null;
        }
    }

    /** Every entry key in {@code file}, sorted, read past the store. */
    static List<String> keys(Path file) {
        try (Connection raw = raw(file, KEY);
                Statement statement = raw.createStatement();
                ResultSet rows = statement.executeQuery("SELECT key FROM cache_entries ORDER BY key")) {
            List<String> keys = new ArrayList<>();
            while (rows.next()) {
                keys.add(rows.getString(1));
            }
            return keys;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The result of {@code PRAGMA integrity_check} on {@code file} ("ok" when sound). */
    static String integrityCheck(Path file) throws SQLException {
        try (Connection raw = raw(file, KEY)) {
            return queryString(raw, "PRAGMA integrity_check");
        }
    }

    static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
