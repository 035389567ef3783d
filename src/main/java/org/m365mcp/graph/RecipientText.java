package org.m365mcp.graph;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * How a Graph recipient ({@code {"emailAddress":{"name":…,"address":…}}}) is shown: {@code Name <address>},
 * or the address alone when the name is empty or the same. The one home of that text, for the mail
 * answers and for the sync, which compares cached answers with what Graph reports. Stateless.
 */
public final class RecipientText {

    private RecipientText() {}

    /** {@code Name <address>} of {@code recipient}, or null when it has no email address. */
    public static String of(JsonNode recipient) {
        JsonNode address = recipient.path("emailAddress");
        if (address.isMissingNode() || address.isNull()) {
            return null;
        }
        String name = address.path("name").asText("");
        String mail = address.path("address").asText("");
        return name.isEmpty() || name.equals(mail) ? mail : name + " <" + mail + ">";
    }
}
