package org.m365mcp.cache.store;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Named secret documents kept in the encrypted store ({@code credentials}), such as the serialized
 * MSAL token cache; never written anywhere else.
 *
 * <ul>
 *   <li>Thread-safe through the store's connection; after the store closes every method throws
 *       {@link StoreException}.
 *   <li>Independent of the cache entries: clearing or cleaning up the cache leaves them alone.
 * </ul>
 */
public final class Credentials {

    private final StoreConnection connection;
    private final Clock clock;

    Credentials(StoreConnection connection, Clock clock) {
        this.connection = Objects.requireNonNull(connection, "connection");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The document saved under {@code name}, if any. */
    public Optional<byte[]> load(String name) {
        Objects.requireNonNull(name, "name");
        List<byte[]> rows = connection.read(
                "load credentials",
                c -> Sql.list(c, "SELECT data FROM credentials WHERE name = ?", row -> row.getBytes("data"), name));
        return rows.stream().findFirst();
    }

    /** Saves {@code data} under {@code name}, replacing what was there. */
    public void save(String name, byte[] data) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(data, "data");
        byte[] copy = data.clone();
        connection.write(
                "save credentials",
                c -> Sql.update(
                        c,
                        "INSERT INTO credentials (name, data, updated_at) VALUES (?, ?, ?)"
                                + " ON CONFLICT (name) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at",
                        name,
                        copy,
                        clock.millis()));
    }

    /** Removes the document saved under {@code name}; true if there was one. */
    public boolean remove(String name) {
        Objects.requireNonNull(name, "name");
        return connection.write(
                        "remove credentials", c -> Sql.update(c, "DELETE FROM credentials WHERE name = ?", name))
                > 0;
    }
}
