package org.m365mcp.sync;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.m365mcp.cache.entries.CacheInspection;

/**
 * Which resources an account has entries cached of, and when the newest was cached: what the delta
 * sync follows. Read from the encrypted store's entries (nothing without a store).
 *
 * <ul>
 *   <li>Messages: each folder with cached {@code email_list} pages (a message read alone through
 *       {@code email_get} is followed through the folder it was listed in).</li>
 *   <li>Mail folders, the calendar, the drive: any entry of their operations.</li>
 *   <li>Contacts: each folder with cached lists; the default folder for gets and searches.</li>
 * </ul>
 */
@ApplicationScoped
public class CachedResources {

    private static final List<String> MAIL_FOLDER_OPERATIONS =
            List.of("emailfolders_list", "emailfolders_get", "emailfolders_get_tree");
    private static final List<String> CONTACT_OPERATIONS = List.of("contact_get", "search_contacts");
    private static final List<String> EVENT_OPERATIONS = List.of(
            "calendar_list_events",
            "calendar_get_event",
            "search_events",
            "calendar_get_free_busy",
            "calendar_check_availability");
    private static final List<String> DRIVE_OPERATIONS =
            List.of("file_get", "file_list", "folder_list", "folder_get", "folder_get_tree", "search_files");

    @Inject
    CacheInspection inspection;

    /** {@code accountId}'s cached resources, each with its newest entry's creation time. */
    public Map<SyncResource, Instant> of(String accountId) {
        Map<SyncResource, Instant> found = new LinkedHashMap<>();
        inspection.cachedParams(accountId, "email_list", "folder").forEach((folder, newest) -> {
            if (!folder.isBlank()) {
                merge(found, SyncResource.messages(folder), newest);
            }
        });
        anyOf(accountId, MAIL_FOLDER_OPERATIONS, SyncResource.of(SyncKind.MAIL_FOLDERS), found);
        inspection
                .cachedParams(accountId, "contact_list", "folder_id")
                .forEach((folder, newest) -> merge(found, SyncResource.contacts(folder), newest));
        anyOf(accountId, CONTACT_OPERATIONS, SyncResource.contacts(""), found);
        anyOf(accountId, EVENT_OPERATIONS, SyncResource.of(SyncKind.EVENTS), found);
        anyOf(accountId, DRIVE_OPERATIONS, SyncResource.of(SyncKind.DRIVE), found);
        return found;
    }

    /**
     * The resource a read of {@code operation} with the key parameters {@code params} follows, as
     * {@link #of} groups the entries: empty for what no resource covers (searches across kinds, a
     * message read alone, an operation the sync does not follow).
     */
    static Optional<SyncResource> readOf(String operation, Map<String, String> params) {
        if (operation.equals("email_list")) {
            return Optional.ofNullable(params.get("folder"))
                    .filter(folder -> !folder.isBlank())
                    .map(SyncResource::messages);
        }
        if (operation.equals("contact_list")) {
            return Optional.of(SyncResource.contacts(params.getOrDefault("folder_id", "")));
        }
        if (MAIL_FOLDER_OPERATIONS.contains(operation)) {
            return Optional.of(SyncResource.of(SyncKind.MAIL_FOLDERS));
        }
        if (CONTACT_OPERATIONS.contains(operation)) {
            return Optional.of(SyncResource.contacts(""));
        }
        if (EVENT_OPERATIONS.contains(operation)) {
            return Optional.of(SyncResource.of(SyncKind.EVENTS));
        }
        return DRIVE_OPERATIONS.contains(operation) ? Optional.of(SyncResource.of(SyncKind.DRIVE)) : Optional.empty();
    }

    private void anyOf(
            String accountId, List<String> operations, SyncResource resource, Map<SyncResource, Instant> found) {
        for (String operation : operations) {
            inspection.newestEntry(accountId, operation).ifPresent(newest -> merge(found, resource, newest));
        }
    }

    private static void merge(Map<SyncResource, Instant> found, SyncResource resource, Instant newest) {
        found.merge(resource, newest, (a, b) -> a.isAfter(b) ? a : b);
    }
}
