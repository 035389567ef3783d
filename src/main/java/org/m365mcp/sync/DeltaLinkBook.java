package org.m365mcp.sync;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.m365mcp.cache.lifecycle.EncryptedStore;
import org.m365mcp.cache.store.DeltaLinks.DeltaLink;
import org.m365mcp.cache.store.LiveStore;

/**
 * Where each account's delta links are kept: in the encrypted store when it is open (so a restart
 * resumes), in memory when the cache runs without one. Thread-safe.
 */
@ApplicationScoped
public class DeltaLinkBook {

    @Inject
    EncryptedStore encryptedStore;

    @Inject
    Clock clock;

    private final Map<String, Map<String, DeltaLink>> inMemory = new ConcurrentHashMap<>();

    /** The link {@code resource}'s next round starts from, if it has one. */
    public Optional<DeltaLink> get(String accountId, SyncResource resource) {
        return of(accountId).stream()
                .filter(link -> link.resource().equals(resource.name()))
                .findFirst();
    }

    /** Every link of {@code accountId}. */
    public List<DeltaLink> of(String accountId) {
        return encryptedStore
                .store()
                .map(live -> live.apply(store -> store.deltaLinks().of(accountId)))
                .orElseGet(() ->
                        List.copyOf(inMemory.getOrDefault(accountId, Map.of()).values()));
    }

    /** The accounts that have links. */
    public List<String> accounts() {
        return encryptedStore
                .store()
                .map(live -> live.apply(store -> store.deltaLinks().accounts()))
                .orElseGet(() -> List.copyOf(inMemory.keySet()));
    }

    void save(String accountId, SyncResource resource, String link, Instant baselineAt) {
        Optional<LiveStore> store = encryptedStore.store();
        if (store.isPresent()) {
            store.get().apply(open -> {
                open.deltaLinks().save(accountId, resource.name(), link, baselineAt);
                return null;
            });
        } else {
            inMemory.computeIfAbsent(accountId, id -> new ConcurrentHashMap<>())
                    .put(resource.name(), new DeltaLink(resource.name(), link, baselineAt, clock.instant()));
        }
    }

    void remove(String accountId, SyncResource resource) {
        encryptedStore
                .store()
                .ifPresent(live -> live.apply(store -> store.deltaLinks().remove(accountId, resource.name())));
        Map<String, DeltaLink> links = inMemory.get(accountId);
        if (links != null) {
            links.remove(resource.name());
        }
    }

    void forget(String accountId) {
        inMemory.remove(accountId);
    }
}
