package org.m365mcp.sync;

/**
 * Which resources change notifications currently cover, so that polling can step back for them.
 *
 * <p>Implemented by the notifications package; without an implementation nothing is covered and
 * every synced resource is polled. Thread-safe.
 */
public interface NotificationCoverage {

    /** True while an active, validated subscription reports changes of {@code kind} for {@code accountId}. */
    boolean covers(String accountId, SyncKind kind);
}
