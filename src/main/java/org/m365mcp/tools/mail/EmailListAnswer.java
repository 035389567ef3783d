package org.m365mcp.tools.mail;

import java.util.List;
import org.m365mcp.cache.annotation.CacheInfo;
import org.m365mcp.cache.annotation.CacheStamped;

/**
 * The answer of {@code email_list}.
 *
 * @param cache which cache state served it; null in the form that is stored
 */
public record EmailListAnswer(String accountId, String folder, int count, List<EmailSummary> messages,
        CacheInfo cache) implements CacheStamped<EmailListAnswer> {

    public EmailListAnswer {
        messages = List.copyOf(messages);
    }

    @Override
    public EmailListAnswer withCache(CacheInfo info) {
        return new EmailListAnswer(accountId, folder, count, messages, info);
    }
}
