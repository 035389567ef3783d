package org.m365mcp.tools.mail;

import java.util.List;
import org.m365mcp.cache.annotation.CacheInfo;
import org.m365mcp.cache.annotation.CacheStamped;

/**
 * The answer of {@code search_emails}: matches in Graph's order (newest sent first).
 *
 * @param folder the folder searched; null when the whole mailbox was
 * @param cache  which cache state served it; null in the form that is stored
 */
public record SearchEmailsAnswer(
        String accountId, String query, String folder, int count, List<EmailSummary> messages, CacheInfo cache)
        implements CacheStamped<SearchEmailsAnswer> {

    public SearchEmailsAnswer {
        messages = List.copyOf(messages);
    }

    @Override
    public SearchEmailsAnswer withCache(CacheInfo info) {
        return new SearchEmailsAnswer(accountId, query, folder, count, messages, info);
    }
}
