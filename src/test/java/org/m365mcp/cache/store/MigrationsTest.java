package org.m365mcp.cache.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.m365mcp.cache.store.StoreFixtures.KEY;
import static org.m365mcp.cache.store.StoreFixtures.queryString;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationsTest {

  @TempDir Path dir;

  @Test
  void open_emptyFile_migratesToLatestVersion() throws Exception {
    Path file = dir.resolve("cache.db");
    Files.createFile(file);

    try (CacheStore store = CacheStore.open(StoreSettings.defaults(file), KEY)) {
      assertThat(store.schemaVersion()).isEqualTo(Migrations.SCRIPTS.size()).isEqualTo(1);
    }
    try (Connection raw = StoreFixtures.raw(file, KEY)) {
      assertThat(names(raw, "table")).contains(
          "cache_entries", "cache_tasks", "cache_invalidation", "cache_stats", "schema_version");
      assertThat(names(raw, "index")).contains(
          "idx_cache_entries_account", "idx_cache_entries_resource_type",
          "idx_cache_entries_expires_at", "idx_cache_entries_accessed_at",
          "idx_cache_entries_stored_size", "idx_cache_tasks_status_priority");
    }
  }

  @Test
  void open_twice_keepsVersionAndAppliesNothingAgain() throws Exception {
    Path file = dir.resolve("cache.db");
    CacheStore.open(StoreSettings.defaults(file), KEY).close();

    try (CacheStore again = CacheStore.open(StoreSettings.defaults(file), KEY)) {
      assertThat(again.schemaVersion()).isEqualTo(1);
    }
    try (Connection raw = StoreFixtures.raw(file, KEY)) {
      assertThat(queryString(raw, "SELECT COUNT(*) FROM schema_version")).isEqualTo("1");
      assertThat(queryString(raw, "SELECT script FROM schema_version")).isEqualTo("V1__initial_schema.sql");
    }
  }

  @Test
  void cacheTasks_insertWithDefaults_isQueuedPriorityFiveThreeRetries() throws Exception {
    Path file = dir.resolve("cache.db");
    CacheStore.open(StoreSettings.defaults(file), KEY).close();

    try (Connection raw = StoreFixtures.raw(file, KEY); Statement statement = raw.createStatement()) {
      statement.execute("INSERT INTO cache_tasks (task_id, account_id, task_type, operation, created_at)"
          + " VALUES ('t1', 'a', 'warm', 'folder_get_tree', 0)");

      assertThat(queryString(raw, "SELECT status || ',' || priority || ',' || max_retries || ','"
          + " || progress || ',' || retry_count FROM cache_tasks")).isEqualTo("queued,5,3,0,0");
    }
  }

  @Test
  void cacheTasks_invalidStatusPriorityOrProgress_isRejected() throws Exception {
    Path file = dir.resolve("cache.db");
    CacheStore.open(StoreSettings.defaults(file), KEY).close();

    try (Connection raw = StoreFixtures.raw(file, KEY); Statement statement = raw.createStatement()) {
      String insert = "INSERT INTO cache_tasks (task_id, account_id, task_type, operation, created_at, ";
      assertThatThrownBy(() -> statement.execute(insert + "status) VALUES ('x','a','w','o',0,'paused')"))
          .isInstanceOf(SQLException.class).hasMessageContaining("CHECK");
      assertThatThrownBy(() -> statement.execute(insert + "priority) VALUES ('x','a','w','o',0,11)"))
          .isInstanceOf(SQLException.class).hasMessageContaining("CHECK");
      assertThatThrownBy(() -> statement.execute(insert + "progress) VALUES ('x','a','w','o',0,101)"))
          .isInstanceOf(SQLException.class).hasMessageContaining("CHECK");
    }
  }

  @Test
  void statements_scriptWithComments_splitsOnSemicolonsAtLineEnd() {
    List<String> statements = Migrations.statements("-- c\nCREATE TABLE a (x);\n\nCREATE TABLE b (\n  y\n);\n");

    assertThat(statements).containsExactly("CREATE TABLE a (x);", "CREATE TABLE b (\n  y\n);");
  }

  private static List<String> names(Connection raw, String type) throws SQLException {
    List<String> names = new ArrayList<>();
    try (Statement statement = raw.createStatement();
        ResultSet rows = statement.executeQuery("SELECT name FROM sqlite_master WHERE type = '" + type + "'")) {
      while (rows.next()) {
        names.add(rows.getString(1));
      }
    }
    return names;
  }
}
