package org.m365mcp.tools.mail;

import static org.m365mcp.tools.mail.MailRuleTools.ids;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.m365mcp.cache.annotation.Invalidate;
import org.m365mcp.cache.annotation.InvalidatesCache;
import org.m365mcp.graph.GraphClient;
import org.m365mcp.mcp.McpTool;
import org.m365mcp.mcp.ToolArgumentException;
import org.m365mcp.mcp.ToolParam;
import org.m365mcp.tools.Accounts;
import org.m365mcp.tools.mail.RuleOrder.Move;

/**
 * Moving an inbox rule in the order: first, last, one place up or down. The others are re-numbered
 * so the sequences stay 1…n ({@link RuleOrder}); a move that changes nothing says so and writes
 * nothing. Every move invalidates all of the account's rule reads.
 */
@ApplicationScoped
public class MailRuleOrderTools {

    @Inject
    GraphClient graph;

    @Inject
    Accounts accounts;

    @McpTool(name = "emailrules_move_top", idempotent = true, description = "Make an inbox rule run first.")
    @InvalidatesCache({@Invalidate(operation = "emailrules_list"), @Invalidate(operation = "emailrules_get")})
    public MessageRuleChanged emailrulesMoveTop(
            @ToolParam("Account id from account_list") String accountId,
            @ToolParam("Rule id from emailrules_list") String ruleId) {
        return move(accountId, ruleId, Move.TOP);
    }

    @McpTool(name = "emailrules_move_bottom", idempotent = true, description = "Make an inbox rule run last.")
    @InvalidatesCache({@Invalidate(operation = "emailrules_list"), @Invalidate(operation = "emailrules_get")})
    public MessageRuleChanged emailrulesMoveBottom(
            @ToolParam("Account id from account_list") String accountId,
            @ToolParam("Rule id from emailrules_list") String ruleId) {
        return move(accountId, ruleId, Move.BOTTOM);
    }

    @McpTool(name = "emailrules_move_up", description = "Move an inbox rule one place earlier in the order.")
    @InvalidatesCache({@Invalidate(operation = "emailrules_list"), @Invalidate(operation = "emailrules_get")})
    public MessageRuleChanged emailrulesMoveUp(
            @ToolParam("Account id from account_list") String accountId,
            @ToolParam("Rule id from emailrules_list") String ruleId) {
        return move(accountId, ruleId, Move.UP);
    }

    @McpTool(name = "emailrules_move_down", description = "Move an inbox rule one place later in the order.")
    @InvalidatesCache({@Invalidate(operation = "emailrules_list"), @Invalidate(operation = "emailrules_get")})
    public MessageRuleChanged emailrulesMoveDown(
            @ToolParam("Account id from account_list") String accountId,
            @ToolParam("Rule id from emailrules_list") String ruleId) {
        return move(accountId, ruleId, Move.DOWN);
    }

    private MessageRuleChanged move(String accountId, String ruleId, Move move) {
        accounts.require(accountId);
        String id = IdArguments.rule("rule_id", ruleId);
        InboxRules inbox = new InboxRules(graph, accountId);
        List<MessageRuleView> rules = inbox.snapshot();
        MessageRuleView rule = rules.stream()
                .filter(r -> r.id().equals(id))
                .findFirst()
                .orElseThrow(
                        () -> new ToolArgumentException("rule_id", "no inbox rule '" + id + "'; see emailrules_list"));
        List<String> before = ids(rules);
        List<String> order = RuleOrder.moved(before, id, move);
        int from = before.indexOf(id) + 1;
        int to = order.indexOf(id) + 1;
        if (order.equals(before)) {
            return new MessageRuleChanged(
                    accountId,
                    id,
                    rule,
                    InboxRules.positions(rules, order, null),
                    "Nothing to do: '" + rule.name() + "' is already " + (from == 1 ? "first" : "last") + " of "
                            + order.size() + ".",
                    null);
        }
        String warning = inbox.resequence(rules, order);
        MessageRuleView moved = new MessageRuleView(
                rule.id(),
                rule.name(),
                to,
                rule.enabled(),
                rule.conditions(),
                rule.actions(),
                rule.exceptions(),
                rule.hasError());
        return new MessageRuleChanged(
                accountId,
                id,
                moved,
                InboxRules.positions(rules, order, null),
                "Moved '" + rule.name() + "' from place " + from + " to " + to + " of " + order.size() + ".",
                warning);
    }
}
