package org.m365mcp.sync;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.m365mcp.cache.entries.CacheStatistics.Outcome;
import org.m365mcp.cache.entries.CallServed;
import org.m365mcp.config.AccountIds;

/**
 * When each account last read each synced resource through a cached tool, whatever served the read
 * (the heap, the store, Graph): what the polling plan weighs as "being read now" ({@link PollingPlan}).
 * An entry's creation time says when it was fetched, not when it was last read; a listing read every
 * few seconds from the heap stays old.
 *
 * <ul>
 *   <li>Background refetches ({@code refresh}) are no reads; warming's reads are.</li>
 *   <li>One instant per account and resource; thread-safe, never blocks the caller.</li>
 * </ul>
 */
@ApplicationScoped
public class ResourceReads {

    @Inject
    Clock clock;

    private final ConcurrentMap<String, ConcurrentMap<SyncResource, Instant>> reads = new ConcurrentHashMap<>();

    void served(@Observes CallServed call) {
        if (call.outcome() == Outcome.REFRESH) {
            return;
        }
        CachedResources.readOf(call.operation(), call.params())
                .ifPresent(resource -> reads.computeIfAbsent(
                                AccountIds.canonical(call.accountId()), account -> new ConcurrentHashMap<>())
                        .put(resource, clock.instant()));
    }

    /** When {@code accountId} last read {@code resource}, if it did since start-up. */
    Optional<Instant> lastRead(String accountId, SyncResource resource) {
        Map<SyncResource, Instant> ofAccount = reads.get(AccountIds.canonical(accountId));
        return Optional.ofNullable(ofAccount == null ? null : ofAccount.get(resource));
    }
}
