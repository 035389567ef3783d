package org.m365mcp.tools.mail;

import java.util.List;

/**
 * The answer of the rule writes: create, update, delete and the four moves.
 *
 * @param rule    the rule as it is now; null after a delete
 * @param order   the rules in the order they now run, when the write changed or checked the order
 * @param warning what went wrong after the write itself succeeded (re-numbering the others); null when nothing did
 */
public record MessageRuleChanged(
        String accountId,
        String ruleId,
        MessageRuleView rule,
        List<RulePosition> order,
        String message,
        String warning) {

    /** One rule's place: enough to see the order without every rule's conditions. */
    public record RulePosition(String id, String name, int sequence) {}
}
