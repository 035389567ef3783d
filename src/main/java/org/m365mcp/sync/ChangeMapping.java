package org.m365mcp.sync;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which cached entries a change made outside this server affects (issue 16 item 2): the same
 * reasoning as the write tools' {@code @InvalidatesCache}, from the change's side.
 *
 * <ul>
 *   <li>A message of a folder (changed, deleted, or moved out — a move is a removal here and a new
 *       message in the destination, whose own sync reports it): its {@code email_get}, that folder's
 *       {@code email_list} pages and the mail searches. When only its read state or flag changed and
 *       the pages list it, they are patched instead ({@link ListingPatch}), and so is its
 *       {@code email_get} ({@link MessageDetailPatch}). The folder counts it moved
 *       come with the mail folders' delta, which a round with message changes asks for
 *       ({@link DeltaSync}).</li>
 *   <li>A mail folder: the folder operations; when only its counts changed, they are patched into
 *       the cached folder answers instead ({@link FolderCounts}). A removed one also drops its
 *       {@code email_list} pages.</li>
 *   <li>A contact: its {@code contact_get}, the contact lists and contact searches.</li>
 *   <li>An event: its {@code calendar_get_event}, the event searches, and the cached windows, free/busy
 *       and availability answers that hold its old time or its new one ({@link EventWindows}).</li>
 *   <li>A drive item: its {@code file_get} and {@code folder_get}, and the listings, trees and file
 *       searches (delta answers carry no paths, and listings are keyed by path or id).</li>
 *   <li>Every change also drops the unified searches, which span all of them.</li>
 * </ul>
 *
 * <p>A resync (an expired delta token, a {@code missed} notification) cannot tell which items
 * changed: it drops everything of the resource. Without a look at the cache ({@link CachedState#UNKNOWN})
 * a change drops as if anything cached could hold it. Pure and thread-safe.
 */
public final class ChangeMapping {

    private ChangeMapping() {}

    /** What {@code change}, reported by {@code resource}'s delta, makes stale, knowing nothing of the cache. */
    public static Set<Invalidation> of(SyncResource resource, DeltaChange change) {
        return of(resource, change, CachedState.UNKNOWN).stale();
    }

    /** What {@code change}, reported by {@code resource}'s delta, does to what is {@code cached}. */
    static ChangeEffects of(SyncResource resource, DeltaChange change, CachedState cached) {
        Set<Invalidation> stale = new LinkedHashSet<>();
        List<MessageState> patches = new ArrayList<>();
        List<FolderCounts> counts = new ArrayList<>();
        List<MessageState> details = new ArrayList<>();
        String id = change.id();
        switch (resource.kind()) {
            case MESSAGES -> {
                Optional<MessageState> state = MessageState.of(change);
                state.ifPresentOrElse(details::add, () -> stale.add(Invalidation.where("email_get", "message_id", id)));
                state.filter(now -> ListingPatch.patchable(now, cached.listings(resource.scope())))
                        .ifPresentOrElse(
                                patches::add,
                                () -> stale.add(Invalidation.where("email_list", "folder", resource.scope())));
                stale.add(Invalidation.all("search_emails"));
            }
            case MAIL_FOLDERS -> {
                FolderCounts.of(change)
                        .filter(folder -> folder.patchable(cached.folderAnswers()))
                        .ifPresentOrElse(counts::add, () -> stale.add(Invalidation.all("emailfolders_*")));
                if (change.removed()) {
                    stale.add(Invalidation.where("email_list", "folder", id));
                }
            }
            case CONTACTS -> {
                stale.add(Invalidation.where("contact_get", "contact_id", id));
                stale.add(Invalidation.all("contact_list"));
                stale.add(Invalidation.all("search_contacts"));
            }
            case EVENTS -> {
                stale.add(Invalidation.where("calendar_get_event", "event_id", id));
                stale.add(Invalidation.all("search_events"));
                cached.eventWindows()
                        .ifPresentOrElse(
                                windows -> stale.addAll(windows.stale(change)), () -> stale.addAll(eventWindows()));
            }
            case DRIVE -> {
                stale.add(Invalidation.where("file_get", "file_id", id));
                stale.add(Invalidation.where("folder_get", "folder", id));
                stale.addAll(driveListings());
            }
        }
        stale.add(Invalidation.all("search_unified"));
        return new ChangeEffects(stale, patches, counts, details);
    }

    /** What a resync of {@code resource} drops: all that it may have changed. */
    public static Set<Invalidation> ofResync(SyncResource resource) {
        Set<Invalidation> stale = new LinkedHashSet<>();
        switch (resource.kind()) {
            case MESSAGES -> {
                stale.add(Invalidation.all("email_get"));
                stale.add(Invalidation.where("email_list", "folder", resource.scope()));
                stale.add(Invalidation.all("search_emails"));
                stale.add(Invalidation.all("emailfolders_*"));
            }
            case MAIL_FOLDERS -> {
                stale.add(Invalidation.all("emailfolders_*"));
                stale.add(Invalidation.all("email_list"));
            }
            case CONTACTS -> {
                stale.add(Invalidation.all("contact_get"));
                stale.add(Invalidation.all("contact_list"));
                stale.add(Invalidation.all("search_contacts"));
            }
            case EVENTS -> {
                stale.add(Invalidation.all("calendar_get_event"));
                stale.addAll(eventWindows());
            }
            case DRIVE -> {
                stale.add(Invalidation.all("file_get"));
                stale.add(Invalidation.all("folder_get"));
                stale.addAll(driveListings());
            }
        }
        stale.add(Invalidation.all("search_unified"));
        return stale;
    }

    private static List<Invalidation> eventWindows() {
        return List.of(
                Invalidation.all("calendar_list_events"),
                Invalidation.all("search_events"),
                Invalidation.all("calendar_get_free_busy"),
                Invalidation.all("calendar_check_availability"));
    }

    private static List<Invalidation> driveListings() {
        return List.of(
                Invalidation.all("file_list"),
                Invalidation.all("folder_list"),
                Invalidation.all("folder_get_tree"),
                Invalidation.all("search_files"));
    }
}
