package org.m365mcp.tools.mail;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.m365mcp.graph.GraphClient;
import org.m365mcp.graph.GraphException;
import org.m365mcp.mcp.ToolArgumentException;
import org.m365mcp.tools.mail.MessageRuleChanged.RulePosition;

/**
 * One account's inbox rules in Graph ({@code /me/mailFolders/inbox/messageRules}), for the rule tools.
 *
 * <ul>
 *   <li>{@link #snapshot()} reads every rule in the order they run; {@link #resequence} PATCHes the
 *       sequences {@link RuleOrder#renumbering} asks for, one by one.</li>
 *   <li>One instance per call; thread-safe as far as {@link GraphClient} is.</li>
 * </ul>
 */
final class InboxRules {

    static final String PATH = "/me/mailFolders/inbox/messageRules";

    /** Far more than a mailbox holds: Exchange caps the rules' total size at 256 KB. */
    private static final int MAX_RULES = 1000;

    private final GraphClient graph;
    private final String accountId;

    InboxRules(GraphClient graph, String accountId) {
        this.graph = Objects.requireNonNull(graph, "graph");
        this.accountId = Objects.requireNonNull(accountId, "accountId");
    }

    /** Every rule, in the order they run (by sequence, as Graph lists them). */
    List<MessageRuleView> snapshot() {
        return graph.getPaged(accountId, PATH, MAX_RULES).stream()
                .map(MessageRuleView::of)
                .sorted(Comparator.comparingInt(MessageRuleView::sequence))
                .toList();
    }

    /** {@code call}, with Graph's 404 turned into a tool error: no rule {@code ruleId}. */
    static <T> T addressed(String ruleId, Supplier<T> call) {
        try {
            return call.get();
        } catch (GraphException e) {
            if (e.isNotFound()) {
                throw new ToolArgumentException("rule_id", "no inbox rule '" + ruleId + "'; see emailrules_list");
            }
            throw e;
        }
    }

    /**
     * Makes the rules' sequences 1…n in {@code order}, PATCHing only those that differ from
     * {@code rules}, in ascending sequence.
     *
     * @return null when every PATCH succeeded, else what failed (the order may then be half done)
     */
    String resequence(List<MessageRuleView> rules, List<String> order) {
        Map<String, Integer> current = new LinkedHashMap<>();
        rules.forEach(rule -> current.put(rule.id(), rule.sequence()));
        for (Map.Entry<String, Integer> change :
                RuleOrder.renumbering(current, order).entrySet()) {
            try {
                graph.patch(
                        accountId,
                        PATH + "/" + change.getKey(),
                        JsonNodeFactory.instance.objectNode().put("sequence", change.getValue()));
            } catch (GraphException e) {
                return "Re-numbering the other rules stopped at rule " + change.getKey() + ": " + e.getMessage()
                        + " Check the order with emailrules_list.";
            }
        }
        return null;
    }

    /** The places {@code order} gives, with the names from {@code rules} (and {@code extra}, a new rule). */
    static List<RulePosition> positions(List<MessageRuleView> rules, List<String> order, MessageRuleView extra) {
        Map<String, String> names = new LinkedHashMap<>();
        rules.forEach(rule -> names.put(rule.id(), rule.name()));
        if (extra != null) {
            names.put(extra.id(), extra.name());
        }
        List<RulePosition> positions = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            positions.add(new RulePosition(order.get(i), names.get(order.get(i)), i + 1));
        }
        return positions;
    }
}
