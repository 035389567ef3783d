package org.m365mcp.tools.mail;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.m365mcp.mcp.ToolArgumentException;

/**
 * Checks of the mail tools' arguments that end up in a Graph path, query or body: ids, folder
 * names, email addresses, importance and flag values, body formats, search text. Each failure is a
 * {@link ToolArgumentException} naming the argument and the offending value. Stateless.
 */
public final class MailArguments {

    /** Longest {@code $search} text accepted; Graph's own limit is higher, an assistant's sensible query far lower. */
    static final int MAX_QUERY_LENGTH = 500;

    /**
     * Graph ids (base64url-like) and well-known folder names: nothing that could change the URL path
     * ({@code /}, {@code ?}, {@code #}, {@code %}, and no all-dots {@code ..}: a letter or digit is required).
     */
    private static final Pattern ID = Pattern.compile("(?=.*[A-Za-z0-9])[A-Za-z0-9_=+\\-.]{1,512}");
    private static final Pattern ADDRESS = Pattern.compile(
            "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
            + "@[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)+");
    /** {@code Name <address>} or {@code "Name" <address>}. */
    private static final Pattern NAMED = Pattern.compile("\\s*\"?([^\"<>]*?)\"?\\s*<([^<>]*)>\\s*");
    private static final Set<String> IMPORTANCE = Set.of("low", "normal", "high");
    private static final Set<String> FLAG = Set.of("flagged", "complete", "notFlagged");

    private MailArguments() {
    }

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
            throw new ToolArgumentException(argument, "must be a well-known folder name or a folder id, got \""
                    + folder + "\"");
        }
        return folder;
    }

    /**
     * Graph's {@code recipient} array for {@code addresses}, each {@code a@b.c} or {@code Name <a@b.c>};
     * an empty array for {@code null}.
     */
    public static ArrayNode recipients(String argument, List<String> addresses) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        if (addresses != null) {
            addresses.forEach(text -> array.add(recipient(argument, text)));
        }
        return array;
    }

    /** The addresses of a {@code recipient} array, in order. */
    public static List<String> addresses(ArrayNode recipients) {
        List<String> all = new ArrayList<>();
        recipients.forEach(r -> all.add(r.path("emailAddress").path("address").asText()));
        return List.copyOf(all);
    }

    /**
     * Graph's {@code recipient} for {@code text}, {@code a@b.c} or {@code Name <a@b.c>}.
     *
     * @throws ToolArgumentException naming {@code argument} when it is not an email address
     */
    public static ObjectNode recipient(String argument, String text) {
        String name = null;
        String address = text == null ? "" : text.trim();
        Matcher named = NAMED.matcher(address);
        if (named.matches()) {
            name = named.group(1).isBlank() ? null : named.group(1).trim();
            address = named.group(2).trim();
        }
        if (address.length() > 254 || !ADDRESS.matcher(address).matches()) {
            throw new ToolArgumentException(argument, "\"" + text + "\" is not an email address"
                    + " (expected name@example.com or Name <name@example.com>)");
        }
        ObjectNode recipient = JsonNodeFactory.instance.objectNode();
        ObjectNode email = recipient.putObject("emailAddress").put("address", address);
        if (name != null) {
            email.put("name", name);
        }
        return recipient;
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
        return JsonNodeFactory.instance.objectNode().put("contentType", contentType).put("content", content);
    }

    private static String oneOf(String argument, String value, Set<String> allowed, String shown) {
        if (!allowed.contains(value)) {
            throw new ToolArgumentException(argument, "must be " + shown + ", got \"" + value + "\"");
        }
        return value;
    }

    /** {@code body_format}: {@code text} or {@code html}, any case. */
    static String bodyFormat(String argument, String format) {
        return oneOf(argument, format == null ? "" : format.trim().toLowerCase(Locale.ROOT), Set.of("text", "html"),
                "text or html");
    }

    /**
     * A {@code query} as Graph's {@code $search} value: the whole text in double quotes, with
     * {@code \} and {@code "} escaped by a backslash (OData's search phrase), so KQL inside it
     * ({@code subject:"Q3 budget" from:megan}) keeps its own quotes.
     *
     * @throws ToolArgumentException when blank, longer than {@link #MAX_QUERY_LENGTH}, or holding a
     *         control character or {@code &} (which would end the query parameter)
     */
    public static String searchPhrase(String argument, String query) {
        String text = query == null ? "" : query.trim();
        if (text.isEmpty()) {
            throw new ToolArgumentException(argument, "must not be blank");
        }
        if (text.length() > MAX_QUERY_LENGTH) {
            throw new ToolArgumentException(argument, "must be at most " + MAX_QUERY_LENGTH + " characters, got "
                    + text.length());
        }
        if (text.chars().anyMatch(Character::isISOControl)) {
            throw new ToolArgumentException(argument, "must not contain control characters or line breaks");
        }
        if (text.indexOf('&') >= 0) {
            throw new ToolArgumentException(argument, "must not contain '&'; use a space or AND instead");
        }
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
