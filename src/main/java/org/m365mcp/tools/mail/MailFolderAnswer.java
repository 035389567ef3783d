package org.m365mcp.tools.mail;

import org.m365mcp.cache.annotation.CacheInfo;
import org.m365mcp.cache.annotation.CacheStamped;

/**
 * The answer of {@code emailfolders_get}: one folder with its counts.
 *
 * @param cache which cache state served it; null in the form that is stored
 */
public record MailFolderAnswer(String accountId, MailFolderSummary folder, CacheInfo cache)
        implements CacheStamped<MailFolderAnswer> {

    @Override
    public MailFolderAnswer withCache(CacheInfo info) {
        return new MailFolderAnswer(accountId, folder, info);
    }
}
