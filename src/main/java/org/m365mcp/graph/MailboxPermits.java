package org.m365mcp.graph;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Caps the requests in flight per account, as Graph caps them per mailbox: Exchange Online serves
 * 4 concurrent requests per app and mailbox and answers a fifth with 429 ({@code MailboxConcurrency}).
 *
 * <ul>
 *   <li>One fair semaphore per account: callers of one account take turns in arrival order, and
 *       accounts never wait for each other.
 *   <li>A permit covers one HTTP exchange, never a wait before a retry.
 *   <li>Thread-safe. Holds one small semaphore per account ever seen; the server acts for a
 *       handful of accounts, so nothing is evicted.
 * </ul>
 */
final class MailboxPermits {

    /** One acquired permit; {@link #close()} gives it back, once however often it is called. */
    interface Permit extends AutoCloseable {
        @Override
        void close();
    }

    private final int perMailbox;
    private final ConcurrentMap<String, Semaphore> byAccount = new ConcurrentHashMap<>();

    MailboxPermits(int perMailbox) {
        if (perMailbox < 1) {
            throw new IllegalArgumentException("perMailbox must be >= 1: " + perMailbox);
        }
        this.perMailbox = perMailbox;
    }

    /**
     * Waits at most {@code patience} for one of {@code accountId}'s permits; empty when none came free.
     *
     * @throws GraphException ({@code Interrupted}) when the thread is interrupted while waiting
     */
    Optional<Permit> acquire(String accountId, Duration patience) {
        Semaphore semaphore = byAccount.computeIfAbsent(accountId, id -> new Semaphore(perMailbox, true));
        try {
            if (!semaphore.tryAcquire(Math.max(0, patience.toNanos()), TimeUnit.NANOSECONDS)) {
                return Optional.empty();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GraphException(0, "Interrupted", "Interrupted while waiting for a Microsoft Graph slot", e);
        }
        AtomicBoolean released = new AtomicBoolean();
        return Optional.of(() -> {
            if (released.compareAndSet(false, true)) {
                semaphore.release();
            }
        });
    }
}
