package org.m365mcp.tools.mail;

import java.util.List;
import org.m365mcp.cache.annotation.CacheInfo;
import org.m365mcp.cache.annotation.CacheStamped;

/**
 * The answer of {@code email_list}.
 *
 * @param skip     how many newer messages were skipped before the first one here
 * @param nextSkip the {@code skip} of the next page; null when the folder has no more messages
 * @param cache    which cache state served it; null in the form that is stored
 */
public record EmailListAnswer(
        String accountId,
        String folder,
        int skip,
        int count,
        List<EmailSummary> messages,
        Integer nextSkip,
        CacheInfo cache)
        implements CacheStamped<EmailListAnswer> {

    public EmailListAnswer {
        messages = List.copyOf(messages);
    }

    @Override
    public EmailListAnswer withCache(CacheInfo info) {
        return new EmailListAnswer(accountId, folder, skip, count, messages, nextSkip, info);
    }
}
