package org.m365mcp.cache.store;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The delta links of each account's synced resources ({@code delta_links}): where the next delta
 * round of a resource starts.
 *
 * <ul>
 *   <li>A link is saved only after a round completed, so a round that fails halfway leaves the
 *       previous link in place and the next pull repeats it.</li>
 *   <li>Signing out removes an account's links with its entries ({@link CacheStore#deleteAccount}).
 *   <li>Links are never logged: they hold Graph's sync state.</li>
 *   <li>Thread-safe through the store's connection.</li>
 * </ul>
 */
public final class DeltaLinks {

    /**
     * One resource's sync state.
     *
     * @param resource   the resource's name, e.g. {@code messages:inbox}
     * @param link       the delta link of its last complete round
     * @param baselineAt when the round that first filled this line of links began (after a first
     *                   sync or a resync); entries cached after it are covered by the sync
     * @param updatedAt  when the link was last saved
     */
    public record DeltaLink(String resource, String link, Instant baselineAt, Instant updatedAt) {

        public DeltaLink {
            Objects.requireNonNull(resource, "resource");
            Objects.requireNonNull(link, "link");
            Objects.requireNonNull(baselineAt, "baselineAt");
            Objects.requireNonNull(updatedAt, "updatedAt");
        }

        @Override
        public String toString() {
            return "DeltaLink[" + resource + ", baseline " + baselineAt + "]"; // the link itself is never shown
        }
    }

    private final StoreConnection connection;
    private final Clock clock;

    DeltaLinks(StoreConnection connection, Clock clock) {
        this.connection = Objects.requireNonNull(connection, "connection");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The links of {@code accountId}'s synced resources. */
    public List<DeltaLink> of(String accountId) {
        Objects.requireNonNull(accountId, "accountId");
        return connection.read(
                "load delta links",
                c -> Sql.list(
                        c,
                        "SELECT resource, link, baseline_at, updated_at FROM delta_links WHERE account_id = ?"
                                + " ORDER BY resource",
                        row -> new DeltaLink(
                                row.getString("resource"),
                                row.getString("link"),
                                Instant.ofEpochMilli(row.getLong("baseline_at")),
                                Instant.ofEpochMilli(row.getLong("updated_at"))),
                        accountId));
    }

    /** The accounts that have links. */
    public List<String> accounts() {
        return connection.read(
                "load delta link accounts",
                c -> Sql.list(
                        c,
                        "SELECT DISTINCT account_id FROM delta_links ORDER BY account_id",
                        row -> row.getString("account_id")));
    }

    /** Saves {@code link} as where {@code resource}'s next round starts, replacing the previous one. */
    public void save(String accountId, String resource, String link, Instant baselineAt) {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(link, "link");
        Objects.requireNonNull(baselineAt, "baselineAt");
        connection.write(
                "save delta link",
                c -> Sql.update(
                        c,
                        "INSERT INTO delta_links (account_id, resource, link, baseline_at, updated_at)"
                                + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (account_id, resource) DO UPDATE SET"
                                + " link = excluded.link, baseline_at = excluded.baseline_at,"
                                + " updated_at = excluded.updated_at",
                        accountId,
                        resource,
                        link,
                        baselineAt.toEpochMilli(),
                        clock.millis()));
    }

    /** Forgets {@code resource}'s link (it is no longer synced, or must start over); true if there was one. */
    public boolean remove(String accountId, String resource) {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(resource, "resource");
        return connection.write(
                        "remove delta link",
                        c -> Sql.update(
                                c,
                                "DELETE FROM delta_links WHERE account_id = ? AND resource = ?",
                                accountId,
                                resource))
                > 0;
    }

    static void deleteAccount(java.sql.Connection c, String accountId) throws java.sql.SQLException {
        Sql.update(c, "DELETE FROM delta_links WHERE account_id = ?", accountId);
    }
}
