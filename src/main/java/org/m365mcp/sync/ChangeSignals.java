package org.m365mcp.sync;

/**
 * Where news that something changed in Microsoft 365 goes: the delta sync pulls what changed.
 *
 * <p>Change notifications call it; the sync implements it. Implementations are thread-safe, never
 * block the caller (the pull runs in the background) and never throw.
 */
public interface ChangeSignals {

    /**
     * Something of {@code kind} changed for {@code accountId}: pull its delta soon. Signals that
     * arrive close together are debounced into one pull.
     */
    void changed(String accountId, SyncKind kind);

    /**
     * Changes of {@code kind} for {@code accountId} may have been missed (a {@code missed} lifecycle
     * notification, a lost subscription): treat what is cached of it as unknown and resync.
     */
    void missed(String accountId, SyncKind kind);
}
