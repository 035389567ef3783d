package org.m365mcp.sync;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The in-process state of one synced resource of one account: the lock one round at a time holds,
 * when it last completed, its last failure and when, and whether a signalled pull is already waiting.
 * Thread-safe.
 */
final class ResourceState {

    final ReentrantLock round = new ReentrantLock();
    final AtomicBoolean signalPending = new AtomicBoolean();
    private final AtomicLong changes = new AtomicLong();
    private volatile Instant lastSync;
    private volatile Instant lastSeenCached;
    private volatile String lastError;
    private volatile Instant lastFailure;

    void synced(Instant at, int changeCount) {
        lastSync = at;
        lastError = null;
        changes.addAndGet(changeCount);
    }

    void failed(String why, Instant at) {
        lastError = why;
        lastFailure = at;
    }

    void seenCached(Instant at) {
        lastSeenCached = at;
    }

    Optional<Instant> lastSync() {
        return Optional.ofNullable(lastSync);
    }

    /** When the last round ended, whether it completed or failed: what the next one is timed from. */
    Optional<Instant> lastRound() {
        Instant synced = lastSync;
        Instant failure = lastError == null ? null : lastFailure;
        if (synced == null || failure == null) {
            return Optional.ofNullable(synced != null ? synced : failure);
        }
        return Optional.of(failure.isAfter(synced) ? failure : synced);
    }

    Optional<Instant> lastSeenCached() {
        return Optional.ofNullable(lastSeenCached);
    }

    Optional<String> lastError() {
        return Optional.ofNullable(lastError);
    }

    long changes() {
        return changes.get();
    }
}
