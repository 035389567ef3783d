package org.m365mcp.tools.mail;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.m365mcp.mcp.ToolArgumentException;
import org.m365mcp.tools.Recipients;

/**
 * A new message as the tools take it, checked and turned into Graph's {@code message} JSON.
 *
 * <ul>
 *   <li>Built by {@link #of}, which validates every address (naming {@code to}, {@code cc} or
 *       {@code bcc}), the body type and the importance; {@code null} lists are empty.</li>
 *   <li>{@link #requireSendable()} adds what sending needs beyond a draft.</li>
 * </ul>
 */
record OutgoingMessage(ArrayNode to, ArrayNode cc, ArrayNode bcc, String subject, ObjectNode body, String importance) {

    static OutgoingMessage of(
            List<String> to,
            List<String> cc,
            List<String> bcc,
            String subject,
            String body,
            String bodyType,
            String importance) {
        return new OutgoingMessage(
                Recipients.recipients("to", to),
                Recipients.recipients("cc", cc),
                Recipients.recipients("bcc", bcc),
                subject == null ? "" : subject,
                MailArguments.body("body_type", bodyType, body == null ? "" : body),
                MailArguments.importance("importance", importance));
    }

    /**
     * This message when it can be sent: at least one recipient, and a subject or a body.
     *
     * @throws ToolArgumentException naming {@code to} or {@code subject}
     */
    OutgoingMessage requireSendable() {
        if (to.isEmpty() && cc.isEmpty() && bcc.isEmpty()) {
            throw new ToolArgumentException("to", "is empty: a message needs at least one recipient in to, cc or bcc");
        }
        if (subject.isBlank() && body.path("content").asText().isBlank()) {
            throw new ToolArgumentException("subject", "and body are both empty: refusing to send a blank message");
        }
        return this;
    }

    /** Every recipient's address, to then cc then bcc. */
    List<String> addresses() {
        List<String> all = new ArrayList<>();
        List.of(to, cc, bcc).forEach(list -> all.addAll(Recipients.addresses(list)));
        return List.copyOf(all);
    }

    /** Graph's {@code message}: only what was given (no empty cc/bcc arrays). */
    ObjectNode toGraph() {
        ObjectNode message = JsonNodeFactory.instance.objectNode();
        message.put("subject", subject);
        message.set("body", body.deepCopy());
        message.put("importance", importance);
        message.set("toRecipients", to.deepCopy());
        if (!cc.isEmpty()) {
            message.set("ccRecipients", cc.deepCopy());
        }
        if (!bcc.isEmpty()) {
            message.set("bccRecipients", bcc.deepCopy());
        }
        return message;
    }
}
