package org.m365mcp.tools.mail;

import org.m365mcp.cache.annotation.CacheInfo;
import org.m365mcp.cache.annotation.CacheStamped;

/**
 * The answer of {@code emailrules_get}.
 *
 * @param cache which cache state served it; null in the form that is stored
 */
public record MessageRuleAnswer(String accountId, MessageRuleView rule, CacheInfo cache)
        implements CacheStamped<MessageRuleAnswer> {

    @Override
    public MessageRuleAnswer withCache(CacheInfo info) {
        return new MessageRuleAnswer(accountId, rule, info);
    }
}
