package org.m365mcp.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.m365mcp.cache.entries.CacheEntryEnvelope;
import org.m365mcp.cache.entries.EntriesPatched;
import org.m365mcp.cache.entries.TieredCaches;

/**
 * Carries out what a delta round's changes do to the cache ({@link ChangeMapping}), in both tiers:
 * drops, audited, then patches of {@code email_list} pages and of folder counts, audited as
 * {@code (delta, patched)}; then has the dropped listings fetched again ({@link Rewarming}).
 *
 * <ul>
 *   <li>What the mapping needs to see of the cache ({@link CachedState}) is read once per round, when
 *       first asked, from both tiers ({@link TieredCaches#entries}).</li>
 *   <li>Patches of a folder whose pages a change of the same round drops are not made.</li>
 *   <li>An event change marks the calendar answers changed even when none is dropped, so that a window
 *       fetched while it happened is not cached with the old state.</li>
 *   <li>Thread-safe: holds no state of its own.</li>
 * </ul>
 */
@ApplicationScoped
public class ChangeApplier {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    TieredCaches caches;

    @Inject
    Rewarming rewarming;

    @Inject
    SyncCounters counters;

    /** What a round's changes did: entries removed and entries patched. */
    record Applied(int removed, int patched) {}

    /**
     * Applies {@code changes} of {@code resource}, whose delta follows {@code synced} (the calendar's
     * window; empty for others or when not known).
     */
    Applied changes(String accountId, SyncResource resource, List<DeltaChange> changes, Optional<TimeRange> synced) {
        Snapshot cached = new Snapshot(accountId, synced);
        Set<Invalidation> stale = new LinkedHashSet<>();
        Map<String, MessageState> patches = new LinkedHashMap<>();
        Map<String, FolderCounts> counts = new LinkedHashMap<>();
        Map<String, MessageState> details = new LinkedHashMap<>();
        for (DeltaChange change : changes) {
            ChangeEffects effects = ChangeMapping.of(resource, change, cached);
            stale.addAll(effects.stale());
            effects.patches().forEach(state -> patches.put(state.id(), state));
            effects.counts().forEach(folder -> counts.put(folder.id(), folder));
            effects.details().forEach(state -> details.put(state.id(), state));
        }
        List<String> removed = remove(accountId, resource, stale, "delta");
        int patched = 0;
        if (resource.kind() == SyncKind.EVENTS && !changes.isEmpty()) {
            CachedWindow.OPERATIONS.forEach(operation -> caches.changed(accountId, operation));
        }
        String reason = "sync " + resource.name() + " (delta";
        String folder = resource.scope();
        if (!patches.isEmpty() && !stale.contains(Invalidation.where("email_list", "folder", folder))) {
            patched += patch(
                    accountId, "email_list", "folder", folder, p -> ListingPatch.apply(p, patches), reason, removed);
        }
        for (MessageState state : details.values()) {
            patched += patch(
                    accountId,
                    "email_get",
                    "message_id",
                    state.id(),
                    p -> MessageDetailPatch.apply(p, state),
                    reason,
                    removed);
        }
        if (!counts.isEmpty() && !stale.contains(Invalidation.all("emailfolders_*"))) {
            for (String operation : FolderCounts.OPERATIONS) {
                patched += patch(accountId, operation, null, null, p -> FolderCounts.apply(p, counts), reason, removed);
            }
        }
        counters.patched(patched);
        rewarming.after(accountId, removed);
        return new Applied(removed.size(), patched);
    }

    /** Patches one kind of entry (see {@link TieredCaches#patchEntries}); the count patched, what could not be into {@code removed}. */
    private int patch(
            String accountId,
            String operation,
            String param,
            String value,
            Function<byte[], Optional<byte[]>> correct,
            String reason,
            List<String> removed) {
        EntriesPatched done =
                caches.patchEntries(accountId, operation, param, value, correct, reason + ", patched)", reason + ")");
        removed.addAll(done.removed());
        return done.patched().size();
    }

    /** Removes what {@code stale} names from both tiers, audited, and has the listings among it fetched again. */
    int drop(String accountId, SyncResource resource, Set<Invalidation> stale, String why) {
        List<String> removed = remove(accountId, resource, stale, why);
        rewarming.after(accountId, removed);
        return removed.size();
    }

    private List<String> remove(String accountId, SyncResource resource, Set<Invalidation> stale, String why) {
        String reason = "sync " + resource.name() + " (" + why + ")";
        List<String> removed = new ArrayList<>();
        for (Invalidation invalidation : stale) {
            removed.addAll((invalidation.key() != null
                            ? caches.invalidate(accountId, invalidation.operation(), invalidation.key(), reason)
                            : caches.invalidateEntries(
                                    accountId,
                                    invalidation.operation(),
                                    invalidation.param(),
                                    invalidation.value(),
                                    reason))
                    .keys());
        }
        return removed;
    }

    /** The cache as one round sees it, read when first asked. */
    private final class Snapshot implements CachedState {

        private final String accountId;
        private final Optional<TimeRange> synced;
        private EventWindows windows;
        private final Map<String, List<JsonNode>> listings = new LinkedHashMap<>();
        private List<JsonNode> folderAnswers;

        Snapshot(String accountId, Optional<TimeRange> synced) {
            this.accountId = accountId;
            this.synced = synced;
        }

        @Override
        public Optional<EventWindows> eventWindows() {
            if (windows == null) {
                List<CachedWindow> answers = new ArrayList<>();
                for (String operation : CachedWindow.OPERATIONS) {
                    caches.entries(accountId, operation)
                            .forEach((key, entry) -> answers.add(read(entry)
                                    .map(answer -> CachedWindow.read(operation, key.text(), answer))
                                    .orElseGet(() -> new CachedWindow(
                                            operation, key.text(), Optional.empty(), Map.of(), false))));
                }
                Map<String, List<TimeRange>> known = new LinkedHashMap<>();
                caches.entries(accountId, "calendar_get_event")
                        .forEach((key, entry) -> read(entry)
                                .map(answer -> answer.path("event"))
                                .ifPresent(event -> TimeRange.shown(event.path("start"), event.path("end"))
                                        .ifPresent(time -> known.computeIfAbsent(
                                                        event.path("id").asText(""), id -> new ArrayList<>())
                                                .add(time))));
                windows = new EventWindows(answers, known, synced);
            }
            return Optional.of(windows);
        }

        @Override
        public List<JsonNode> listings(String folder) {
            return listings.computeIfAbsent(folder, f -> {
                List<JsonNode> pages = new ArrayList<>();
                caches.entries(accountId, "email_list").forEach((key, entry) -> {
                    if (f.equals(entry.params().get("folder"))) {
                        read(entry).ifPresent(pages::add);
                    }
                });
                return pages;
            });
        }

        @Override
        public List<JsonNode> folderAnswers() {
            if (folderAnswers == null) {
                folderAnswers = new ArrayList<>();
                for (String operation : FolderCounts.OPERATIONS) {
                    caches.entries(accountId, operation)
                            .values()
                            .forEach(entry -> read(entry).ifPresent(folderAnswers::add));
                }
            }
            return folderAnswers;
        }

        private Optional<JsonNode> read(CacheEntryEnvelope entry) {
            try {
                return Optional.of(JSON.readTree(entry.payload()));
            } catch (IOException e) {
                return Optional.empty();
            }
        }
    }
}
