package org.m365mcp.tools.contacts;

import java.util.List;
import org.m365mcp.cache.annotation.CacheInfo;
import org.m365mcp.cache.annotation.CacheStamped;

/** The answer of {@code search_contacts}; {@code cache} is null in the form that is stored. */
public record SearchContactsAnswer(
        String accountId, String query, int count, List<ContactSummary> contacts, CacheInfo cache)
        implements CacheStamped<SearchContactsAnswer> {

    public SearchContactsAnswer {
        contacts = List.copyOf(contacts);
    }

    @Override
    public SearchContactsAnswer withCache(CacheInfo info) {
        return new SearchContactsAnswer(accountId, query, count, contacts, info);
    }
}
