package org.m365mcp.cache.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
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
 * transaction, and records them in the {@code schema_version} table.
 *
 * <ul>
 *   <li>Idempotent: a script already recorded is never run again.
 *   <li>A new script is added to {@link #SCRIPTS}; classpath directories cannot be listed inside a
 *       WAR, so the list is explicit. Script {@code i} (1-based) must be named {@code Vi__*.sql}.
 *   <li>Scripts are split on {@code ;} at the end of a line; {@code --} comment lines are dropped.
 * </ul>
 */
final class Migrations {

  static final List<String> SCRIPTS = List.of("V1__initial_schema.sql");
  private static final String LOCATION = "/db/migration/";
  private static final Logger LOG = Logger.getLogger(Migrations.class.getName());

  private Migrations() {}

  /** Brings the schema to the latest version; returns that version. */
  static int migrate(Connection connection, Clock clock) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE IF NOT EXISTS schema_version ("
          + "version INTEGER PRIMARY KEY NOT NULL, script TEXT NOT NULL, applied_at INTEGER NOT NULL)");
    }
    int current = currentVersion(connection);
    for (int version = current + 1; version <= SCRIPTS.size(); version++) {
      apply(connection, version, SCRIPTS.get(version - 1), clock);
    }
    return currentVersion(connection);
  }

  /** The highest version recorded, 0 for a database without migrations. */
  static int currentVersion(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
      return rows.next() ? rows.getInt(1) : 0;
    }
  }

  private static void apply(Connection connection, int version, String script, Clock clock)
      throws SQLException {
    if (!script.startsWith("V" + version + "__")) {
      throw new IllegalStateException("Migration " + script + " is not numbered " + version);
    }
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
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
      connection.commit();
      LOG.info(() -> "Cache schema migrated to version " + version + " (" + script + ")");
    } catch (SQLException | RuntimeException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(autoCommit);
    }
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
