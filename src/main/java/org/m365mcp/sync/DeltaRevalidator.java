package org.m365mcp.sync;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import org.m365mcp.cache.entries.CacheEntryEnvelope;
import org.m365mcp.cache.entries.EntryKey;
import org.m365mcp.cache.entries.Revalidator;
import org.m365mcp.cache.entries.TieredCaches;
import org.m365mcp.cache.store.DeltaLinks.DeltaLink;

/**
 * Revalidates a stale entry with one delta round of the resource it was read from (issue 16 item 3,
 * "on a stale hit"): when the round reports nothing that touches the entry, the entry is current.
 *
 * <ul>
 *   <li>Only entries the sync covers: listings of a synced mail folder, the mail folder operations,
 *       contact lists, event windows inside the synced calendar window, and the drive's listings, trees
 *       and items; and only when the resource's round of links began before the entry was cached (an
 *       older entry may have missed a change). Searches and single messages, contacts and events are
 *       {@code UNKNOWN}: no one delta covers all they may hold.</li>
 *   <li>The round applies whatever it finds, to every entry; this entry is {@code CHANGED} when its
 *       operation's entries were invalidated meanwhile.</li>
 * </ul>
 */
@ApplicationScoped
public class DeltaRevalidator implements Revalidator {

    @Inject
    DeltaSync sync;

    @Inject
    DeltaLinkBook links;

    @Inject
    TieredCaches caches;

    @Inject
    SyncSettings settings;

    @Inject
    Clock clock;

    @Inject
    SyncCounters counters;

    @Override
    public Verdict check(EntryKey key, CacheEntryEnvelope entry) {
        Optional<SyncResource> resource = resourceOf(key.operation(), entry.params());
        if (resource.isEmpty() || !settings.enabled()) {
            return Verdict.UNKNOWN;
        }
        Optional<DeltaLink> link = links.get(key.account(), resource.get());
        if (link.isEmpty() || link.get().baselineAt().isAfter(entry.createdAt())) {
            return Verdict.UNKNOWN;
        }
        long generation = caches.generation();
        return switch (sync.pull(key.account(), resource.get())) {
            case UNCHANGED, CHANGED ->
                caches.invalidatedSince(key, entry.params(), generation) ? Verdict.CHANGED : Verdict.UNCHANGED;
            case RESYNCED -> Verdict.CHANGED;
            case BASELINE, FAILED, BUSY -> Verdict.UNKNOWN;
        };
    }

    /** The synced resource an entry of {@code operation} with key parameters {@code params} reads. */
    Optional<SyncResource> resourceOf(String operation, Map<String, String> params) {
        return switch (operation) {
            case "email_list" ->
                Optional.ofNullable(params.get("folder"))
                        .filter(folder -> !folder.isBlank())
                        .map(SyncResource::messages);
            case "emailfolders_list", "emailfolders_get", "emailfolders_get_tree" ->
                Optional.of(SyncResource.of(SyncKind.MAIL_FOLDERS));
            case "contact_list" -> Optional.of(SyncResource.contacts(params.getOrDefault("folder_id", "")));
            case "calendar_list_events" ->
                params.getOrDefault("calendar_id", "").isBlank()
                                && insideSyncedWindow(params.get("start"), params.get("end"))
                        ? Optional.of(SyncResource.of(SyncKind.EVENTS))
                        : Optional.empty();
            case "file_get", "file_list", "folder_list", "folder_get", "folder_get_tree" ->
                Optional.of(SyncResource.of(SyncKind.DRIVE));
            default -> Optional.empty();
        };
    }

    /**
     * True when a window given as {@code start}/{@code end} (dates or date-times, as the tool takes
     * them; blank is today and a week on) lies inside the calendar window the sync follows, with a day
     * to spare for time zones. A window given on the default (main) calendar only: the delta follows
     * that one.
     */
    private boolean insideSyncedWindow(String start, String end) {
        Instant today = clock.instant().truncatedTo(ChronoUnit.DAYS);
        Instant from = today.minus(settings.calendarPastDays() - 1L, ChronoUnit.DAYS);
        Instant to = today.plus(settings.calendarFutureDays() - 1L, ChronoUnit.DAYS);
        return within(start, from, to) && within(end, from, to);
    }

    private static boolean within(String text, Instant from, Instant to) {
        if (text == null || text.isBlank()) {
            return true;
        }
        Optional<Instant> day = day(text.strip());
        return day.isPresent() && !day.get().isBefore(from) && !day.get().isAfter(to);
    }

    private static Optional<Instant> day(String text) {
        try {
            return Optional.of(java.time.LocalDate.parse(text.substring(0, Math.min(10, text.length())))
                    .atStartOfDay(java.time.ZoneOffset.UTC)
                    .toInstant());
        } catch (java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
