package org.m365mcp.cache.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * An account's entries of one resource type, looked at whole: which values of a key parameter they
 * were cached for, the newest, their payloads, and correcting those payloads in place.
 *
 * <ul>
 *   <li>{@link #patch} corrects entries where they are (creation time, expiry and metadata, and so
 *       their freshness, stay) or removes the ones that cannot be corrected, and audits both, in one
 *       transaction: a write that replaced an entry meanwhile is either seen whole or not at all.</li>
 *   <li>Thread-safe, through the store's connection.</li>
 * </ul>
 */
public final class CachedEntries {

    private static final String OF_TYPE = "SELECT key, account_id, resource_type, data, compressed, created_at,"
            + " expires_at, metadata_json FROM cache_entries WHERE account_id = ? AND resource_type = ?";
    private static final String UPDATE = "UPDATE cache_entries SET data = ?, compressed = ?, stored_size = ?,"
            + " uncompressed_size = ?, version = version + 1 WHERE key = ?";

    private final StoreConnection connection;
    private final Clock clock;
    private final PayloadCodec codec;

    CachedEntries(StoreConnection connection, Clock clock, PayloadCodec codec) {
        this.connection = Objects.requireNonNull(connection, "connection");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.codec = Objects.requireNonNull(codec, "codec");
    }

    /** What {@link #patch} did: the keys corrected, and the entries removed because they could not be. */
    public record Patched(List<String> patched, List<String> unchanged, Removal removed) {

        public Patched {
            patched = List.copyOf(patched);
            unchanged = List.copyOf(unchanged);
            Objects.requireNonNull(removed, "removed");
        }
    }

    /**
     * The values of the key parameter {@code param} that {@code accountId} has {@code operation}
     * entries for, each with its newest entry's creation time ("" for entries without it).
     */
    public Map<String, Instant> cachedParams(String accountId, String operation, String param) {
        return connection.read(
                "read cached parameters", c -> CachedParamSql.newestByValue(c, accountId, operation, param));
    }

    /** When {@code accountId}'s newest {@code operation} entry was cached, if it has any. */
    public Optional<Instant> newest(String accountId, String operation) {
        return connection.read("read newest entry", c -> CachedParamSql.newest(c, accountId, operation));
    }

    /** Every entry of {@code accountId} and {@code resourceType}, whatever its expiry, in key order. */
    public List<StoredEntry> of(String accountId, String resourceType) {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(resourceType, "resourceType");
        return connection.read("read entries", c -> select(c, OF_TYPE + " ORDER BY key", accountId, resourceType));
    }

    /**
     * Corrects {@code accountId}'s entries of {@code resourceType} cached for the key parameter
     * {@code param} = {@code value}: {@code patcher} gets each payload and answers it corrected (the
     * same bytes: left as it is), or empty when it cannot be corrected exactly — then the entry is
     * removed. Audited in the same transaction: one row for the corrected ({@code patchedReason}),
     * one for the removed ({@code removedReason}), each only when there are any. A null {@code param}
     * corrects every entry of the type ({@code value} is then not read).
     */
    public Patched patch(
            String accountId,
            String resourceType,
            String param,
            String value,
            Function<byte[], Optional<byte[]>> patcher,
            String patchedReason,
            String removedReason) {
        Objects.requireNonNull(patcher, "patcher");
        Objects.requireNonNull(patchedReason, "patchedReason");
        Objects.requireNonNull(removedReason, "removedReason");
        String target = param == null ? "*" : param + "=" + value;
        return connection.write("patch entries", c -> {
            List<String> patched = new ArrayList<>();
            List<String> unchanged = new ArrayList<>();
            List<String> unpatchable = new ArrayList<>();
            List<StoredEntry> entries = param == null
                    ? select(c, OF_TYPE + " ORDER BY key", accountId, resourceType)
                    : select(
                            c,
                            OF_TYPE + " AND json_extract(metadata_json, ?) = ? ORDER BY key",
                            accountId,
                            resourceType,
                            CachedParamSql.paramPath(param),
                            value);
            for (StoredEntry entry : entries) {
                Optional<byte[]> corrected = patcher.apply(entry.payload());
                if (corrected.isEmpty()) {
                    unpatchable.add(entry.key());
                } else if (Arrays.equals(corrected.get(), entry.payload())) {
                    unchanged.add(entry.key());
                } else {
                    update(c, entry.key(), corrected.get());
                    patched.add(entry.key());
                }
            }
            Removal removed = Removal.NONE;
            if (!unpatchable.isEmpty()) {
                removed = RemovalSql.removeKeys(c, unpatchable);
                InvalidationSql.audit(
                        c, accountId, resourceType, target, removedReason, clock.millis(), removed.count());
            }
            if (!patched.isEmpty()) {
                InvalidationSql.audit(
                        c, accountId, resourceType, target, patchedReason, clock.millis(), patched.size());
            }
            return new Patched(patched, unchanged, removed);
        });
    }

    private void update(Connection c, String key, byte[] payload) throws SQLException {
        boolean compressed = codec.shouldCompress(payload.length);
        byte[] stored = compressed ? codec.compress(payload) : payload;
        Sql.update(c, UPDATE, stored, compressed ? 1 : 0, (long) stored.length, (long) payload.length, key);
    }

    private static List<StoredEntry> select(Connection c, String sql, Object... parameters) throws SQLException {
        return Sql.list(c, sql, EntrySql::entry, parameters);
    }
}
