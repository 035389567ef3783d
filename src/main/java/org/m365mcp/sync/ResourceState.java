package org.m365mcp.sync;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The in-process state of one synced resource of one account: the lock one round at a time holds,
 * when it last completed, its last failure, and whether a signalled pull is already waiting.
 * Thread-safe.
 */
final class ResourceState {

    final ReentrantLock round = new ReentrantLock();
    final AtomicBoolean signalPending = new AtomicBoolean();
    private final AtomicLong changes = new AtomicLong();
    private volatile Instant lastSync;
    private volatile Instant lastSeenCached;
    private volatile String lastError;

    void synced(Instant at, int changeCount) {
        lastSync = at;
        lastError = null;
        changes.addAndGet(changeCount);
    }

    void failed(String why) {
        lastError = why;
    }

    void seenCached(Instant at) {
        lastSeenCached = at;
    }

    Optional<Instant> lastSync() {
        return Optional.ofNullable(lastSync);
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
