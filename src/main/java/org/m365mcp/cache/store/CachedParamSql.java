package org.m365mcp.cache.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Which values of one key parameter an account has entries for, read from {@code metadata_json.params}. */
final class CachedParamSql {

    private CachedParamSql() {}

    /**
     * The values of {@code param} among {@code accountId}'s entries of {@code operation}, each with the
     * newest entry's creation time; an entry without the parameter counts under the empty string.
     */
    static Map<String, Instant> newestByValue(Connection c, String accountId, String operation, String param)
            throws SQLException {
        String path = "$.params.\"" + param.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        List<Map.Entry<String, Instant>> rows = Sql.list(
                c,
                "SELECT COALESCE(json_extract(metadata_json, ?), '') AS value, MAX(created_at) AS newest"
                        + " FROM cache_entries WHERE account_id = ? AND resource_type = ? GROUP BY value",
                row -> Map.entry(row.getString("value"), Instant.ofEpochMilli(row.getLong("newest"))),
                path,
                accountId,
                operation);
        Map<String, Instant> newest = new LinkedHashMap<>();
        rows.forEach(row -> newest.put(row.getKey(), row.getValue()));
        return newest;
    }
}
