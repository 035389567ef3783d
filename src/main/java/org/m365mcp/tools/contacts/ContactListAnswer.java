package org.m365mcp.tools.contacts;

import java.util.List;
import org.m365mcp.cache.annotation.CacheInfo;
import org.m365mcp.cache.annotation.CacheStamped;

/**
 * The answer of {@code contact_list}.
 *
 * @param folderId the folder (list) listed; null for the default Contacts folder
 * @param nextSkip the {@code skip} of the next page; null when there are no more contacts
 * @param cache    which cache state served it; null in the form that is stored
 */
public record ContactListAnswer(
        String accountId,
        String folderId,
        int skip,
        int count,
        List<ContactSummary> contacts,
        Integer nextSkip,
        CacheInfo cache)
        implements CacheStamped<ContactListAnswer> {

    public ContactListAnswer {
        contacts = List.copyOf(contacts);
    }

    @Override
    public ContactListAnswer withCache(CacheInfo info) {
        return new ContactListAnswer(accountId, folderId, skip, count, contacts, nextSkip, info);
    }
}
