package org.m365mcp.tools.mail;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.m365mcp.graph.RecipientText;

/**
 * How the mail answers show Graph's message properties: addresses as {@code Name <address>}, empty
 * lists as absent (null), bodies cut to a size an assistant can afford. Stateless.
 */
final class MessageText {

    /** A body cut to at most a given number of characters; {@code truncated} says whether it was. */
    record Body(String text, boolean truncated) {}

    private MessageText() {}

    /** {@code Name <address>} of a Graph recipient ({@code {"emailAddress":{…}}}), or null when there is none. */
    static String address(JsonNode recipient) {
        return RecipientText.of(recipient);
    }

    /** Every recipient of a Graph recipients array as {@link #address}; null when there are none. */
    static List<String> addresses(JsonNode recipients) {
        List<String> out = new ArrayList<>();
        recipients.forEach(recipient -> {
            String shown = address(recipient);
            if (shown != null) {
                out.add(shown);
            }
        });
        return out.isEmpty() ? null : List.copyOf(out);
    }

    /** The texts of a JSON array (e.g. {@code categories}); null when it is empty or absent. */
    static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(item -> out.add(item.asText()));
        return out.isEmpty() ? null : List.copyOf(out);
    }

    /** The message's {@code body.content}, at most {@code maxChars} characters (never splitting a surrogate pair). */
    static Body body(JsonNode message, int maxChars) {
        String content = message.path("body").path("content").asText("");
        if (content.length() <= maxChars) {
            return new Body(content, false);
        }
        int end = Character.isHighSurrogate(content.charAt(maxChars - 1)) ? maxChars - 1 : maxChars;
        return new Body(content.substring(0, end), true);
    }

    /** The flag status when the message is flagged or completed; null for {@code notFlagged}. */
    static String flag(JsonNode message) {
        String status = message.path("flag").path("flagStatus").asText("notFlagged");
        return status.equals("notFlagged") ? null : status;
    }
}
