package org.m365mcp.cache.store;

import static org.m365mcp.cache.store.StoreFixtures.CREATED;
import static org.m365mcp.cache.store.StoreFixtures.text;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

/** Builders of unencrypted caches, as an old or misconfigured build left them, for the migration tests. */
final class PlainCaches {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T05:36:00Z"), ZoneOffset.UTC);
    /** The backup name {@link PlainCacheMigration} gives {@code cache.db} at {@link #CLOCK}'s time. */
    static final String BACKUP = "cache.db.unencrypted-backup-20261121T053600Z";
    /** Each entry's payload: 100 bytes of text. */
    static final int PAYLOAD = 100;

    private PlainCaches() {}

    /** A plain SQLite file with our V1 schema holding one entry per key, closed cleanly. */
    static Path v1(Path file, String... keys) throws SQLException {
        try (Connection plain = EncryptedCopy.openPlain(file)) {
            Migrations.migrate(plain, file, CLOCK);
            insert(plain, keys);
        }
        return file;
    }

    /** Inserts one V1 entry per key, payload {@code text(PAYLOAD)}, uncompressed. */
    static void insert(Connection connection, String... keys) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
        INSERT INTO cache_entries (key, account_id, resource_type, data, compressed, metadata_json,
            stored_size, uncompressed_size, created_at, accessed_at, expires_at)
        VALUES (?, 'account-1', 'email_list', ?, 0, '{"folder":"inbox"}', ?, ?, ?, ?, ?)""")) {
            for (String key : keys) {
                insert.setString(1, key);
                insert.setBytes(2, text(PAYLOAD));
                insert.setLong(3, PAYLOAD);
                insert.setLong(4, PAYLOAD);
                insert.setLong(5, CREATED.toEpochMilli());
                insert.setLong(6, CREATED.toEpochMilli());
                insert.setLong(7, CREATED.plusSeconds(600).toEpochMilli());
                insert.executeUpdate();
            }
        }
    }

    /** A plain file with tables we do not know, e.g. the Python-era cache. */
    static Path foreign(Path file, String... statements) throws SQLException {
        try (Connection plain = EncryptedCopy.openPlain(file);
                Statement statement = plain.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
        return file;
    }

    /** The names in {@code directory}, sorted. */
    static List<String> names(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }
}
