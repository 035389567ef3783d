package org.m365mcp.sync;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the delta sync has done since start-up, for {@code /metrics} and the cache stats. Thread-safe.
 */
@ApplicationScoped
public class SyncCounters {

    private final AtomicLong pulls = new AtomicLong();
    private final AtomicLong failedPulls = new AtomicLong();
    private final AtomicLong resyncs = new AtomicLong();
    private final AtomicLong changes = new AtomicLong();
    private final AtomicLong entriesInvalidated = new AtomicLong();
    private final AtomicLong graphRequests = new AtomicLong();
    private final AtomicLong revalidations = new AtomicLong();
    private final AtomicLong entriesPatched = new AtomicLong();

    void pulled(int requests) {
        pulls.incrementAndGet();
        graphRequests.addAndGet(requests);
    }

    void failed() {
        failedPulls.incrementAndGet();
    }

    void resynced() {
        resyncs.incrementAndGet();
    }

    void applied(int changeCount, int entries) {
        changes.addAndGet(changeCount);
        entriesInvalidated.addAndGet(entries);
    }

    void patched(int entries) {
        entriesPatched.addAndGet(entries);
    }

    void revalidation() {
        revalidations.incrementAndGet();
    }

    /** Stale entries a delta round found unchanged (made fresh again without a refetch). */
    public long revalidations() {
        return revalidations.get();
    }

    /** Delta rounds completed (first rounds and resyncs included). */
    public long pulls() {
        return pulls.get();
    }

    /** Delta rounds that failed (the previous link stayed). */
    public long failedPulls() {
        return failedPulls.get();
    }

    /** Resyncs after an expired token or a missed notification. */
    public long resyncs() {
        return resyncs.get();
    }

    /** Changes reported by delta rounds and applied to the cache. */
    public long changes() {
        return changes.get();
    }

    /** Cache entries those changes removed. */
    public long entriesInvalidated() {
        return entriesInvalidated.get();
    }

    /** Cache entries those changes corrected in place instead of removing (a read state or flag). */
    public long entriesPatched() {
        return entriesPatched.get();
    }

    /** Graph requests spent on delta rounds. */
    public long graphRequests() {
        return graphRequests.get();
    }
}
