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

    /** The JSON path of key parameter {@code param} in an entry's {@code metadata_json}, quoted for any name. */
    static String paramPath(String param) {
        return "$.params.\"" + param.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /**
     * The values of {@code param} among {@code accountId}'s entries of {@code operation}, each with the
     * newest entry's creation time; an entry without the parameter counts under the empty string.
     */
    static Map<String, Instant> newestByValue(Connection c, String accountId, String operation, String param)
            throws SQLException {
        String path = paramPath(param);
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

    /** The creation time of {@code accountId}'s newest {@code operation} entry, if it has any. */
    static java.util.Optional<Instant> newest(Connection c, String accountId, String operation) throws SQLException {
        List<Long> rows = Sql.list(
                c,
                "SELECT MAX(created_at) AS newest FROM cache_entries WHERE account_id = ? AND resource_type = ?",
                row -> {
                    long newest = row.getLong("newest");
                    return row.wasNull() ? null : newest;
                },
                accountId,
                operation);
        return rows.stream().filter(java.util.Objects::nonNull).findFirst().map(Instant::ofEpochMilli);
    }
}
