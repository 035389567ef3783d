package org.m365mcp.sandbox.delta;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Where a sandbox store reports each change it makes, whoever asked for it (this server's tools, another
 * client with the other account's token, the admin API): the account's change logs and subscriptions.
 *
 * <p>Implementations are thread-safe and never block: stores call them while holding their own lock.
 */
public interface ChangeRecorder {

    /** Records nothing: stores use it while they are seeded, before the account's logs are attached. */
    ChangeRecorder NONE = (family, container, itemId, kind, tombstone) -> {};

    /** Records that {@code itemId} in {@code container} was created, updated or deleted ({@code tombstone} may be null). */
    void record(ChangeFamily family, String container, String itemId, ChangeKind kind, ObjectNode tombstone);

    default void record(ChangeFamily family, String container, String itemId, ChangeKind kind) {
        record(family, container, itemId, kind, null);
    }
}
