package org.m365mcp.sync;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.m365mcp.cache.annotation.BackgroundRefresh;
import org.m365mcp.cache.annotation.StaleRefresh;
import org.m365mcp.cache.entries.EntryKey;
import org.m365mcp.config.Names;

/**
 * Fetches again, in the background, the listings and searches a change dropped, so that the next read
 * of an inbox, a folder or a search someone was reading is served from the cache in its new state
 * rather than missing (issue 16 targets: a change is visible in a cached read; a session with changes
 * is served from the cache).
 *
 * <ul>
 *   <li>Listings (messages of a folder, mail folders, contacts, events, drive listings and trees) and
 *       the searches of one kind (a message change drops every cached mail search: it cannot tell which
 *       held the message), one Graph request each; a single item that changed is fetched when it is
 *       next read, and a deleted one must not be fetched at all.</li>
 *   <li>The call is rebuilt from the entry's key, whose parameters are the call's arguments; a key
 *       whose parameters were hashed is left to the next read.</li>
 *   <li>Through the stale-refresh path ({@link BackgroundRefresh}): coalesced per key, bounded, and
 *       a failure is queued as a task like any refresh.</li>
 * </ul>
 */
@ApplicationScoped
public class Rewarming {

    static final Set<String> LISTINGS = Set.of(
            "email_list",
            "emailfolders_list",
            "emailfolders_get_tree",
            "contact_list",
            "calendar_list_events",
            "file_list",
            "folder_list",
            "folder_get_tree",
            "search_emails",
            "search_events",
            "search_contacts",
            "search_files");

    @Inject
    BackgroundRefresh refresh;

    /** Schedules the refetch of every listing among the {@code removed} keys of {@code accountId}. */
    int after(String accountId, Collection<String> removed) {
        int scheduled = 0;
        for (String text : removed) {
            EntryKey key = EntryKey.parse(text);
            if (LISTINGS.contains(key.operation()) && key.account().equals(accountId)) {
                Optional<Map<String, Object>> arguments = arguments(key);
                if (arguments.isPresent()
                        && refresh.schedule(new StaleRefresh(key.operation(), accountId, text, arguments.get()))) {
                    scheduled++;
                }
            }
        }
        return scheduled;
    }

    /** The call's arguments by Java parameter name, from the key's parameters. */
    static Optional<Map<String, Object>> arguments(EntryKey key) {
        return key.readableParams().map(params -> {
            Map<String, Object> arguments = new LinkedHashMap<>();
            arguments.put("accountId", key.account());
            params.forEach((name, value) -> arguments.put(Names.camelCase(name), value));
            return arguments;
        });
    }
}
