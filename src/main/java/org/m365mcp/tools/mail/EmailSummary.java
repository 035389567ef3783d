package org.m365mcp.tools.mail;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One message in a listing: what an assistant needs to decide what to open next, no Graph noise.
 *
 * @param id the message id for email_get and the write tools
 */
public record EmailSummary(String id, String subject, String from, String receivedAt, String preview,
        boolean isRead, boolean hasAttachments, String importance, boolean flagged, List<String> categories) {

    static EmailSummary of(JsonNode message) {
        JsonNode address = message.path("from").path("emailAddress");
        String from = address.isMissingNode() ? null
                : address.path("name").asText("") + " <" + address.path("address").asText("") + ">";
        List<String> categories = new ArrayList<>();
        message.path("categories").forEach(category -> categories.add(category.asText()));
        return new EmailSummary(message.path("id").asText(), message.path("subject").asText(""), from,
                message.path("receivedDateTime").asText(null), message.path("bodyPreview").asText(""),
                message.path("isRead").asBoolean(false), message.path("hasAttachments").asBoolean(false),
                message.path("importance").asText("normal"),
                "flagged".equals(message.path("flag").path("flagStatus").asText()),
                categories.isEmpty() ? null : List.copyOf(categories));
    }
}
