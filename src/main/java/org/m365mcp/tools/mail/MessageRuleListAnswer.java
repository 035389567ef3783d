package org.m365mcp.tools.mail;

import java.util.List;
import org.m365mcp.cache.annotation.CacheInfo;
import org.m365mcp.cache.annotation.CacheStamped;

/**
 * The answer of {@code emailrules_list}: the inbox rules in the order they run.
 *
 * @param cache which cache state served it; null in the form that is stored
 */
public record MessageRuleListAnswer(String accountId, int count, List<MessageRuleView> rules, CacheInfo cache)
        implements CacheStamped<MessageRuleListAnswer> {

    public MessageRuleListAnswer {
        rules = List.copyOf(rules);
    }

    @Override
    public MessageRuleListAnswer withCache(CacheInfo info) {
        return new MessageRuleListAnswer(accountId, count, rules, info);
    }
}
