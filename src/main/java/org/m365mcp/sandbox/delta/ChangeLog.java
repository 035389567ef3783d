package org.m365mcp.sandbox.delta;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;

/**
 * One account's changes to one kind of item, in order, each with a sequence number one above the last:
 * what a delta token's position counts.
 *
 * <ul>
 *   <li>Bounded: at most {@link DeltaSettings#maxChanges()} changes, none older than
 *       {@link DeltaSettings#tokenLifetime()} by the injected clock. A position before the oldest kept
 *       change can no longer be answered ({@link #isAnswerable}).
 *   <li>{@link #expireTokens()} makes every position handed out so far unanswerable: the admin API's
 *       "expire the tokens", Graph's 410.
 *   <li>Thread-safe: every method holds this log's monitor and does no I/O.
 * </ul>
 */
public final class ChangeLog {

    private final Clock clock;
    private final DeltaSettings settings;
    private final Deque<Change> changes = new ArrayDeque<>();
    private long head;
    private long evictedThrough;
    private long floor;

    public ChangeLog(Clock clock, DeltaSettings settings) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** Appends a change; answers its sequence number. */
    public synchronized Change record(String container, String itemId, ChangeKind kind, ObjectNode tombstone) {
        Change change = new Change(++head, clock.instant(), container, itemId, kind, tombstone);
        changes.addLast(change);
        evict();
        return change;
    }

    /** The position of the latest change: a token handed out now starts after it. */
    public synchronized long head() {
        evict();
        return head;
    }

    /**
     * True when the changes after {@code position} are all still known and the token that carries it,
     * issued at {@code issuedAt}, has not outlived the token lifetime.
     */
    public synchronized boolean isAnswerable(long position, Instant issuedAt) {
        evict();
        return position >= floor
                && position >= evictedThrough
                && position <= head
                && clock.instant().isBefore(issuedAt.plus(settings.tokenLifetime()));
    }

    /** Every position handed out so far becomes unanswerable; new tokens start after this point. */
    public synchronized void expireTokens() {
        floor = ++head;
    }

    /** The changes after {@code after} up to and including {@code upTo}, in {@code container} (any when null), oldest first. */
    public synchronized List<Change> between(long after, long upTo, String container) {
        return changes.stream()
                .filter(c -> c.sequence() > after && c.sequence() <= upTo)
                .filter(c -> container == null || container.equals(c.container()))
                .toList();
    }

    private void evict() {
        Instant oldest = clock.instant().minus(settings.tokenLifetime());
        while (!changes.isEmpty()
                && (changes.size() > settings.maxChanges()
                        || changes.peekFirst().at().isBefore(oldest))) {
            evictedThrough = changes.removeFirst().sequence();
        }
    }
}
