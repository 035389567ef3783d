package org.m365mcp.tools.contacts;

import org.m365mcp.cache.annotation.CacheInfo;
import org.m365mcp.cache.annotation.CacheStamped;

/**
 * One contact: the answer of {@code contact_get}, {@code contact_create}, {@code contact_update}
 * and {@code contact_add_to_list}.
 *
 * @param cache which cache state served it; null for writes and in the form that is stored
 */
public record ContactAnswer(String accountId, ContactDetail contact, CacheInfo cache)
        implements CacheStamped<ContactAnswer> {

    @Override
    public ContactAnswer withCache(CacheInfo info) {
        return new ContactAnswer(accountId, contact, info);
    }
}
