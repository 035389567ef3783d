package org.m365mcp.cache.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * Applies the numbered SQL scripts under {@code db/migration/} in order, each in its own
 * {@code BEGIN IMMEDIATE} transaction, and records them in the {@code schema_version} table.
 *
 * <ul>
 *   <li>Idempotent: a script already recorded is never run again.
 *   <li>A new script is added to {@link #SCRIPTS}; classpath directories cannot be listed inside a
 *       WAR, so the list is explicit. Script {@code i} (1-based) must be named {@code Vi__*.sql}.
 *   <li>Scripts are split on {@code ;} at the end of a line; {@code --} comment lines are dropped.
 * </ul>
 */
final class Migrations {

    static final List<String> SCRIPTS = List.of(
            "V1__initial_schema.sql",
            "V2__task_backoff_and_lru_indexes.sql",
            "V3__covering_indexes.sql",
            "V4__credentials.sql",
            "V5__delta_links.sql");
    private static final String LOCATION = "/db/migration/";
    private static final Logger LOG = Logger.getLogger(Migrations.class.getName());

    private Migrations() {}

    /** Migrates a bare connection to {@code file} (a copy being built); see {@link #migrate(StoreConnection, Clock)}. */
    static int migrate(Connection connection, Path file, Clock clock) {
        return migrate(
                new StoreConnection(connection, file, StoreSettings.DEFAULT_BUSY_TIMEOUT, TransactionHook.NONE), clock);
    }

    /**
     * Brings the schema to the latest version; returns that version. Each script runs in its own
     * write transaction that first checks the version again, so two processes opening one new file
     * at the same time apply each script once.
     */
    static int migrate(StoreConnection store, Clock clock) {
        int current = store.write("migrate", connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY"
                        + " NOT NULL, script TEXT NOT NULL, applied_at INTEGER NOT NULL)");
            }
            return currentVersion(connection);
        });
        for (int version = current + 1; version <= SCRIPTS.size(); version++) {
            int target = version;
            String script = SCRIPTS.get(version - 1);
            if (store.write("migrate to version " + version, c -> apply(c, target, script, clock))) {
                LOG.info(() -> "Cache schema migrated to version " + target + " (" + script + ")");
            }
        }
        return store.read("schema version", Migrations::currentVersion);
    }

    /** The highest version recorded, 0 for a database without migrations. */
    static int currentVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
            return rows.next() ? rows.getInt(1) : 0;
        }
    }

    /** Runs {@code script} unless version {@code version} is already recorded; true if it ran. */
    private static boolean apply(Connection connection, int version, String script, Clock clock) throws SQLException {
        if (!script.startsWith("V" + version + "__")) {
            throw new IllegalStateException("Migration " + script + " is not numbered " + version);
        }
        if (currentVersion(connection) >= version) {
            return false;
        }
        try (Statement statement = connection.createStatement();
                PreparedStatement record = connection.prepareStatement(
                        "INSERT INTO schema_version (version, script, applied_at) VALUES (?, ?, ?)")) {
            for (String sql : statements(read(script))) {
                statement.execute(sql);
            }
            record.setInt(1, version);
            record.setString(2, script);
            record.setLong(3, clock.millis());
            record.executeUpdate();
        }
        return true;
    }

    static List<String> statements(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                statements.add(current.toString().strip());
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            statements.add(current.toString().strip());
        }
        return statements;
    }

    private static String read(String script) {
        try (InputStream in = Migrations.class.getResourceAsStream(LOCATION + script)) {
            if (in == null) {
                throw new IllegalStateException("Missing migration resource " + LOCATION + script);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read migration " + script, e);
        }
    }
}
