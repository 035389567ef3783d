package org.m365mcp.sandbox.mail;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.m365mcp.sandbox.common.Json;
import org.m365mcp.sandbox.common.SandboxGraphException;
import org.m365mcp.sandbox.common.SandboxIds;

/**
 * The inbox's rules ({@code /me/mailFolders/inbox/messageRules}) as Graph's {@code messageRule} JSON.
 *
 * <ul>
 *   <li>Listed in {@code sequence} order; a new rule needs {@code displayName}, a positive
 *       {@code sequence} and non-empty {@code actions}, as Exchange requires.
 *   <li>Thread-safe (its own monitor); returned JSON is a copy.
 * </ul>
 */
final class MessageRules {

    private static final Set<String> WRITABLE = Set.of(
            "displayName", "sequence", "isEnabled", "conditions", "actions", "exceptions", "hasError", "isReadOnly");

    private final String accountId;
    private final List<ObjectNode> rules = new ArrayList<>();
    private long sequence;

    MessageRules(String accountId, List<ObjectNode> seed) {
        this.accountId = accountId;
        seed.forEach(r -> rules.add(r.deepCopy()));
    }

    /** Three everyday rules: partners' mail to a folder, receipts filed, urgent mail marked important. */
    static List<ObjectNode> seed(String partnersFolderId, String receiptsFolderId) {
        ObjectNode partners = rule("AQAAAJ5dZqA=", "Partners to their folder", 1);
        partners.putObject("conditions").set("senderContains", Json.strings(List.of("fabrikam", "northwind")));
        partners.putObject("actions").put("moveToFolder", partnersFolderId).put("stopProcessingRules", true);
        ObjectNode receipts = rule("AQAAAJ5dZqE=", "File receipts", 2);
        receipts.putObject("conditions").set("subjectContains", Json.strings(List.of("receipt", "invoice")));
        receipts.putObject("actions").put("moveToFolder", receiptsFolderId).put("markAsRead", true);
        ObjectNode urgent = rule("AQAAAJ5dZqI=", "Urgent is important", 3);
        urgent.putObject("conditions").set("subjectContains", Json.strings(List.of("urgent", "action required")));
        urgent.putObject("actions").put("markImportance", "high");
        return List.of(partners, receipts, urgent);
    }

    private static ObjectNode rule(String id, String name, int sequence) {
        return Json.object()
                .put("id", id)
                .put("displayName", name)
                .put("sequence", sequence)
                .put("isEnabled", true)
                .put("hasError", false)
                .put("isReadOnly", false);
    }

    synchronized List<ObjectNode> list() {
        return rules.stream()
                .sorted(Comparator.comparingInt(r -> r.path("sequence").asInt()))
                .map(ObjectNode::deepCopy)
                .toList();
    }

    synchronized ObjectNode get(String id) {
        return find(id).deepCopy();
    }

    synchronized ObjectNode create(ObjectNode body) {
        validate(body);
        for (String required : List.of("displayName", "sequence", "actions")) {
            if (!body.hasNonNull(required)) {
                throw SandboxGraphException.invalidRequest("A message rule needs '" + required + "'.");
            }
        }
        sequence++;
        ObjectNode rule = rule(
                SandboxIds.item("rule", accountId, "new/" + sequence).substring(0, 12) + "=",
                body.path("displayName").asText(),
                body.path("sequence").asInt());
        Json.merge(rule, body);
        rules.add(rule);
        return rule.deepCopy();
    }

    synchronized ObjectNode update(String id, ObjectNode patch) {
        ObjectNode rule = find(id);
        validate(patch);
        Json.merge(rule, patch);
        return rule.deepCopy();
    }

    synchronized void delete(String id) {
        rules.remove(find(id));
    }

    private ObjectNode find(String id) {
        return rules.stream()
                .filter(r -> r.path("id").asText().equals(id))
                .findFirst()
                .orElseThrow(SandboxGraphException::itemNotFound);
    }

    private static void validate(ObjectNode body) {
        body.fieldNames().forEachRemaining(name -> {
            if (!WRITABLE.contains(name) && !name.startsWith("@odata")) {
                throw new SandboxGraphException(
                        400,
                        "ErrorInvalidPropertyRequest",
                        "The property '" + name + "' cannot be set on a message rule.");
            }
        });
        if (body.has("sequence")
                && (!body.get("sequence").canConvertToInt()
                        || body.get("sequence").asInt() < 1)) {
            throw SandboxGraphException.invalidRequest("sequence must be a positive integer.");
        }
        if (body.has("actions")
                && (!body.get("actions").isObject() || body.get("actions").isEmpty())) {
            throw SandboxGraphException.invalidRequest("A message rule needs at least one action.");
        }
    }
}
