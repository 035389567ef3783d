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

    @TempDir
    Path dir;

    @Test
    void open_emptyFile_migratesToLatestVersion() throws Exception {
        Path file = dir.resolve("cache.db");
        Files.createFile(file);

        try (CacheStore store = CacheStore.open(StoreSettings.defaults(file), KEY)) {
            assertThat(store.schemaVersion())
                    .isEqualTo(Migrations.SCRIPTS.size())
                    .isEqualTo(5);
        }
        try (Connection raw = StoreFixtures.raw(file, KEY)) {
            assertThat(names(raw, "table"))
                    .contains(
                            "cache_entries",
                            "cache_tasks",
                            "cache_invalidation",
                            "cache_stats",
                            "credentials",
                            "delta_links",
                            "schema_version");
            assertThat(names(raw, "index"))
                    .contains(
                            "idx_cache_entries_account_accessed",
                            "idx_cache_entries_resource_type",
                            "idx_cache_entries_expires",
                            "idx_cache_entries_accessed",
                            "idx_cache_entries_size",
                            "idx_cache_entries_account_key",
                            "idx_cache_tasks_status_priority",
                            "idx_cache_tasks_completed")
                    .doesNotContain(
                            "idx_cache_entries_account",
                            "idx_cache_entries_expires_at",
                            "idx_cache_entries_accessed_at",
                            "idx_cache_entries_stored_size");
        }
    }

    @Test
    void open_twice_keepsVersionAndAppliesNothingAgain() throws Exception {
        Path file = dir.resolve("cache.db");
        CacheStore.open(StoreSettings.defaults(file), KEY).close();

        try (CacheStore again = CacheStore.open(StoreSettings.defaults(file), KEY)) {
            assertThat(again.schemaVersion()).isEqualTo(5);
        }
        try (Connection raw = StoreFixtures.raw(file, KEY)) {
            assertThat(queryString(raw, "SELECT COUNT(*) FROM schema_version")).isEqualTo("5");
            assertThat(queryString(
                            raw,
                            "SELECT group_concat(script, ',') FROM (SELECT script FROM schema_version"
                                    + " ORDER BY version)"))
                    .isEqualTo(
                            "V1__initial_schema.sql,V2__task_backoff_and_lru_indexes.sql,V3__covering_indexes.sql,V4__credentials.sql,V5__delta_links.sql");
        }
    }

    @Test
    void cacheTasks_insertWithDefaults_isQueuedPriorityFiveThreeRetriesDueAtOnce() throws Exception {
        Path file = dir.resolve("cache.db");
        CacheStore.open(StoreSettings.defaults(file), KEY).close();

        try (Connection raw = StoreFixtures.raw(file, KEY);
                Statement statement = raw.createStatement()) {
            statement.execute("INSERT INTO cache_tasks (task_id, account_id, task_type, operation, created_at)"
                    + " VALUES ('t1', 'a', 'warm', 'folder_get_tree', 0)");

            assertThat(queryString(
                            raw,
                            "SELECT status || ',' || priority || ',' || max_retries || ','"
                                    + " || progress || ',' || retry_count || ',' || not_before FROM cache_tasks"))
                    .isEqualTo("queued,5,3,0,0,0");
        }
    }

    @Test
    void cacheTasks_invalidStatusPriorityOrProgress_isRejected() throws Exception {
        Path file = dir.resolve("cache.db");
        CacheStore.open(StoreSettings.defaults(file), KEY).close();

        try (Connection raw = StoreFixtures.raw(file, KEY);
                Statement statement = raw.createStatement()) {
            String insert = "INSERT INTO cache_tasks (task_id, account_id, task_type, operation, created_at, ";
            assertThatThrownBy(() -> statement.execute(insert + "status) VALUES ('x','a','w','o',0,'paused')"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("CHECK");
            assertThatThrownBy(() -> statement.execute(insert + "priority) VALUES ('x','a','w','o',0,11)"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("CHECK");
            assertThatThrownBy(() -> statement.execute(insert + "progress) VALUES ('x','a','w','o',0,101)"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("CHECK");
        }
    }

    @Test
    void open_versionOneDatabase_upgradesToTheLatestKeepingRows() throws Exception {
        Path file = dir.resolve("cache.db");
        try (Connection raw = StoreFixtures.raw(file, KEY);
                Statement statement = raw.createStatement()) {
            statement.execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY NOT NULL,"
                    + " script TEXT NOT NULL, applied_at INTEGER NOT NULL)");
            for (String sql : Migrations.statements(resource("V1__initial_schema.sql"))) {
                statement.execute(sql);
            }
            statement.execute("INSERT INTO schema_version VALUES (1, 'V1__initial_schema.sql', 0)");
            statement.execute("INSERT INTO cache_tasks (task_id, account_id, task_type, operation, created_at)"
                    + " VALUES ('t1', 'a', 'warm', 'folder_get_tree', 7)");
        }

        try (CacheStore store = CacheStore.open(StoreSettings.defaults(file), KEY)) {
            assertThat(store.schemaVersion()).isEqualTo(5);
            TaskRecord task = store.tasks().get("t1").orElseThrow();
            assertThat(task.status()).isEqualTo(TaskStatus.QUEUED);
            assertThat(task.notBefore()).isEqualTo(java.time.Instant.EPOCH);
        }
    }

    @Test
    void statements_scriptWithComments_splitsOnSemicolonsAtLineEnd() {
        List<String> statements = Migrations.statements("-- c\nCREATE TABLE a (x);\n\nCREATE TABLE b (\n  y\n);\n");

        assertThat(statements).containsExactly("CREATE TABLE a (x);", "CREATE TABLE b (\n  y\n);");
    }

    private static String resource(String script) throws Exception {
        try (var in = Migrations.class.getResourceAsStream("/db/migration/" + script)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
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
