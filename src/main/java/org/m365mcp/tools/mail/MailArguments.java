package org.m365mcp.tools.mail;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.m365mcp.mcp.ToolArgumentException;
import org.m365mcp.tools.Recipients;
import org.m365mcp.tools.SearchPhrase;

/**
 * Checks of the mail tools' arguments that end up in a Graph path, query or body: ids, folder
 * names, importance and flag values, body formats (email addresses: {@link Recipients}; search text:
 * {@link SearchPhrase}). Each failure is a
 * {@link ToolArgumentException} naming the argument and the offending value. Stateless.
 */
public final class MailArguments {

    /**
     * Graph ids (base64url-like) and well-known folder names: nothing that could change the URL path
     * ({@code /}, {@code ?}, {@code #}, {@code %}, and no all-dots {@code ..}: a letter or digit is required).
     */
    private static final Pattern ID = Pattern.compile("(?=.*[A-Za-z0-9])[A-Za-z0-9_=+\\-.]{1,512}");

    private static final Set<String> IMPORTANCE = Set.of("low", "normal", "high");
    private static final Set<String> FLAG = Set.of("flagged", "complete", "notFlagged");

    private MailArguments() {}

    /** {@code id} when it looks like a Graph message id. */
    static String messageId(String argument, String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new ToolArgumentException(argument, "must be a message id from email_list, got \"" + id + "\"");
        }
        return id;
    }

    /** {@code id} when it looks like a Graph attachment id. */
    static String attachmentId(String argument, String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new ToolArgumentException(argument, "must be an attachment id from email_get, got \"" + id + "\"");
        }
        return id;
    }

    /** {@code folder} when it is a well-known folder name or looks like a folder id. */
    static String folder(String argument, String folder) {
        if (folder == null || !ID.matcher(folder).matches()) {
            throw new ToolArgumentException(
                    argument, "must be a well-known folder name or a folder id, got \"" + folder + "\"");
        }
        return folder;
    }

    static String importance(String argument, String importance) {
        return oneOf(argument, importance, IMPORTANCE, "low, normal or high");
    }

    static String flagStatus(String argument, String status) {
        return oneOf(argument, status, FLAG, "flagged, complete or notFlagged");
    }

    /** Graph's {@code itemBody}; {@code type} is {@code text} or {@code html}. */
    static ObjectNode body(String typeArgument, String type, String content) {
        String contentType = oneOf(typeArgument, type, Set.of("text", "html"), "text or html");
        return JsonNodeFactory.instance
                .objectNode()
                .put("contentType", contentType)
                .put("content", content);
    }

    private static String oneOf(String argument, String value, Set<String> allowed, String shown) {
        if (!allowed.contains(value)) {
            throw new ToolArgumentException(argument, "must be " + shown + ", got \"" + value + "\"");
        }
        return value;
    }

    /** {@code body_format}: {@code text} or {@code html}, any case. */
    static String bodyFormat(String argument, String format) {
        return oneOf(
                argument,
                format == null ? "" : format.trim().toLowerCase(Locale.ROOT),
                Set.of("text", "html"),
                "text or html");
    }
}
