package org.m365mcp.tools.mail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import javax.cache.annotation.CacheResult;
import org.m365mcp.cache.annotation.Invalidate;
import org.m365mcp.cache.annotation.InvalidatesCache;
import org.m365mcp.graph.GraphClient;
import org.m365mcp.mcp.McpTool;
import org.m365mcp.mcp.ToolArgumentException;
import org.m365mcp.mcp.ToolParam;
import org.m365mcp.tools.Accounts;
import org.m365mcp.tools.Confirmation;

/**
 * Inbox rule tools: list and get (cached), create, update, delete. Moving a rule in the order is
 * {@link MailRuleOrderTools}.
 *
 * <ul>
 *   <li>Conditions, exceptions and actions are Graph's {@code messageRulePredicates} and
 *       {@code messageRuleActions} as JSON text, checked by {@link MessageRuleFields}.</li>
 *   <li>Sequences stay 1…n without gaps or ties, as Outlook keeps them: create, delete and the moves
 *       re-number the other rules ({@link RuleOrder}).</li>
 *   <li>Every write invalidates all of the account's rule reads: one rule's write moves the others.</li>
 * </ul>
 */
@ApplicationScoped
public class MailRuleTools {

    private static final String CONDITIONS = "JSON object of Graph messageRulePredicates, e.g."
            + " {\"senderContains\":[\"contoso\"],\"fromAddresses\":[\"a@b.com\"]}";
    private static final String ACTIONS = "JSON object of Graph messageRuleActions, e.g."
            + " {\"moveToFolder\":\"<folder id>\",\"markAsRead\":true,\"stopProcessingRules\":true}";

    @Inject
    GraphClient graph;

    @Inject
    Accounts accounts;

    @McpTool(
            name = "emailrules_list",
            readOnly = true,
            idempotent = true,
            description = "List the inbox rules in the order they run: conditions, actions, exceptions, enabled.")
    @CacheResult(cacheName = "emailrules_list")
    public MessageRuleListAnswer emailrulesList(
            @ToolParam("Account id from account_list") String accountId,
            @ToolParam(value = "Serve from the cache when possible", defaultValue = "true") boolean useCache,
            @ToolParam(value = "Fetch from Graph now and update the cache", defaultValue = "false")
                    boolean forceRefresh) {
        accounts.require(accountId);
        List<MessageRuleView> rules = new InboxRules(graph, accountId).snapshot();
        return new MessageRuleListAnswer(accountId, rules.size(), rules, null);
    }

    @McpTool(name = "emailrules_get", readOnly = true, idempotent = true, description = "Get one inbox rule.")
    @CacheResult(cacheName = "emailrules_get")
    public MessageRuleAnswer emailrulesGet(
            @ToolParam("Account id from account_list") String accountId,
            @ToolParam("Rule id from emailrules_list") String ruleId,
            @ToolParam(value = "Serve from the cache when possible", defaultValue = "true") boolean useCache,
            @ToolParam(value = "Fetch from Graph now and update the cache", defaultValue = "false")
                    boolean forceRefresh) {
        accounts.require(accountId);
        String id = IdArguments.rule("rule_id", ruleId);
        JsonNode rule = InboxRules.addressed(id, () -> graph.get(accountId, InboxRules.PATH + "/" + id));
        return new MessageRuleAnswer(accountId, MessageRuleView.of(rule), null);
    }

    @McpTool(
            name = "emailrules_create",
            description =
                    "Create an inbox rule: conditions and actions as Graph JSON; placed last unless a sequence is given.")
    @InvalidatesCache({@Invalidate(operation = "emailrules_list"), @Invalidate(operation = "emailrules_get")})
    public MessageRuleChanged emailrulesCreate(
            @ToolParam("Account id from account_list") String accountId,
            @ToolParam("Name of the rule") String name,
            @ToolParam(ACTIONS) String actions,
            @ToolParam(value = CONDITIONS + "; empty: every message", defaultValue = "") String conditions,
            @ToolParam(value = "Same shape as conditions: messages the rule skips", defaultValue = "")
                    String exceptions,
            @ToolParam(value = "Place in the order, 1 runs first; 0: last", defaultValue = "0", min = 0, max = 1000)
                    int sequence,
            @ToolParam(value = "Whether the rule runs", defaultValue = "true") boolean enabled) {
        accounts.require(accountId);
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("displayName", IdArguments.name("name", name));
        ObjectNode actionsJson = requireActions(MessageRuleFields.parse("actions", actions, MessageRuleFields.ACTIONS));
        putIfPresent(
                body, "conditions", MessageRuleFields.parse("conditions", conditions, MessageRuleFields.PREDICATES));
        putIfPresent(
                body, "exceptions", MessageRuleFields.parse("exceptions", exceptions, MessageRuleFields.PREDICATES));
        body.set("actions", actionsJson);
        InboxRules inbox = new InboxRules(graph, accountId);
        List<MessageRuleView> rules = inbox.snapshot();
        int place = sequence == 0 || sequence > rules.size() ? rules.size() + 1 : sequence;
        body.put("sequence", place).put("isEnabled", enabled);
        MessageRuleView created = MessageRuleView.of(graph.post(accountId, InboxRules.PATH, body));
        List<String> order = RuleOrder.inserted(ids(rules), created.id(), place);
        List<MessageRuleView> withCreated = new ArrayList<>(rules);
        withCreated.add(created);
        String warning = inbox.resequence(withCreated, order);
        return new MessageRuleChanged(
                accountId,
                created.id(),
                created,
                InboxRules.positions(rules, order, created),
                "Created inbox rule '" + created.name() + "' at place " + place + " of " + order.size() + ".",
                warning);
    }

    @McpTool(
            name = "emailrules_update",
            idempotent = true,
            description = "Change an inbox rule's name, conditions, actions, exceptions or enabled state;"
                    + " what is not given stays.")
    @InvalidatesCache({@Invalidate(operation = "emailrules_list"), @Invalidate(operation = "emailrules_get")})
    public MessageRuleChanged emailrulesUpdate(
            @ToolParam("Account id from account_list") String accountId,
            @ToolParam("Rule id from emailrules_list") String ruleId,
            @ToolParam(value = "New name; empty: unchanged", defaultValue = "") String name,
            @ToolParam(value = CONDITIONS + "; replaces them all; {} clears; empty: unchanged", defaultValue = "")
                    String conditions,
            @ToolParam(value = ACTIONS + "; replaces them all; empty: unchanged", defaultValue = "") String actions,
            @ToolParam(value = "Same shape as conditions; {} clears; empty: unchanged", defaultValue = "")
                    String exceptions,
            @ToolParam(value = "true or false; empty: unchanged", defaultValue = "") String enabled) {
        accounts.require(accountId);
        String id = IdArguments.rule("rule_id", ruleId);
        ObjectNode patch = JsonNodeFactory.instance.objectNode();
        if (!name.isBlank()) {
            patch.put("displayName", IdArguments.name("name", name));
        }
        putIfPresent(
                patch, "conditions", MessageRuleFields.parse("conditions", conditions, MessageRuleFields.PREDICATES));
        putIfPresent(
                patch, "exceptions", MessageRuleFields.parse("exceptions", exceptions, MessageRuleFields.PREDICATES));
        ObjectNode actionsJson = MessageRuleFields.parse("actions", actions, MessageRuleFields.ACTIONS);
        if (actionsJson != null) {
            patch.set("actions", requireActions(actionsJson));
        }
        if (!enabled.isBlank()) {
            if (!enabled.trim().equalsIgnoreCase("true") && !enabled.trim().equalsIgnoreCase("false")) {
                throw new ToolArgumentException("enabled", "must be true, false or empty, got \"" + enabled + "\"");
            }
            patch.put("isEnabled", Boolean.parseBoolean(enabled.trim()));
        }
        if (patch.isEmpty()) {
            throw new ToolArgumentException(
                    "name", "nothing to change: give name, conditions, actions, exceptions" + " or enabled");
        }
        MessageRuleView updated = MessageRuleView.of(
                InboxRules.addressed(id, () -> graph.patch(accountId, InboxRules.PATH + "/" + id, patch)));
        return new MessageRuleChanged(
                accountId,
                id,
                updated,
                null,
                "Updated inbox rule '" + updated.name() + "': " + String.join(", ", fieldNames(patch)) + ".",
                null);
    }

    @McpTool(
            name = "emailrules_delete",
            destructive = true,
            idempotent = true,
            description = "Delete an inbox rule; the rules after it move up one place. Needs confirm=true.")
    @InvalidatesCache({@Invalidate(operation = "emailrules_list"), @Invalidate(operation = "emailrules_get")})
    public MessageRuleChanged emailrulesDelete(
            @ToolParam("Account id from account_list") String accountId,
            @ToolParam("Rule id from emailrules_list") String ruleId,
            @ToolParam(value = "Must be true: the rule is deleted for good", defaultValue = "false") boolean confirm) {
        accounts.require(accountId);
        String id = IdArguments.rule("rule_id", ruleId);
        Confirmation.require(confirm, "deletes inbox rule " + id + " for good");
        InboxRules inbox = new InboxRules(graph, accountId);
        List<MessageRuleView> rules = inbox.snapshot();
        InboxRules.addressed(id, () -> {
            graph.delete(accountId, InboxRules.PATH + "/" + id);
            return null;
        });
        List<MessageRuleView> rest =
                rules.stream().filter(rule -> !rule.id().equals(id)).toList();
        List<String> order = ids(rest);
        String warning = inbox.resequence(rest, order);
        String name = rules.stream()
                .filter(rule -> rule.id().equals(id))
                .map(MessageRuleView::name)
                .findFirst()
                .orElse(id);
        return new MessageRuleChanged(
                accountId,
                id,
                null,
                InboxRules.positions(rest, order, null),
                "Deleted inbox rule '" + name + "'.",
                warning);
    }

    private static ObjectNode requireActions(ObjectNode actions) {
        if (actions == null || actions.isEmpty()) {
            throw new ToolArgumentException("actions", "needs at least one action, e.g. {\"markAsRead\":true}");
        }
        return actions;
    }

    private static void putIfPresent(ObjectNode body, String field, ObjectNode value) {
        if (value != null) {
            body.set(field, value);
        }
    }

    static List<String> ids(List<MessageRuleView> rules) {
        return rules.stream().map(MessageRuleView::id).toList();
    }

    private static List<String> fieldNames(ObjectNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
