package org.m365mcp.tools.mail;

import java.util.Locale;
import java.util.regex.Pattern;
import org.m365mcp.mcp.ToolArgumentException;

/**
 * Checks the mail tools' arguments before they reach a Graph URL; each failure names its argument.
 *
 * <ul>
 *   <li>Ids and folder names are Graph ids (base64url-like) or well-known names: nothing that could
 *       change the URL path ({@code /}, {@code ?}, {@code #}, {@code %}, a lone {@code ..}).
 *   <li>Stateless.
 * </ul>
 */
final class MailArguments {

    /** Longest {@code $search} text accepted; Graph's own limit is higher, an assistant's sensible query far lower. */
    static final int MAX_QUERY_LENGTH = 500;

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_=+\\-.]{1,512}");
    private static final Pattern HAS_ALPHANUMERIC = Pattern.compile(".*[A-Za-z0-9].*");

    private MailArguments() {
    }

    /** A message, attachment or folder id, or a well-known folder name, as given. */
    static String id(String argument, String value) {
        if (value == null || value.isBlank()) {
            throw new ToolArgumentException(argument, "is required");
        }
        if (!ID.matcher(value).matches() || !HAS_ALPHANUMERIC.matcher(value).matches()) {
            throw new ToolArgumentException(argument, "must be a Graph id (letters, digits, - _ = + .), got \""
                    + abbreviate(value) + "\"");
        }
        return value;
    }

    /** {@code folder}: a well-known folder name or a folder id. */
    static String folder(String value) {
        try {
            return id("folder", value);
        } catch (ToolArgumentException e) {
            throw new ToolArgumentException("folder", "must be a well-known folder name or a folder id, got \""
                    + abbreviate(String.valueOf(value)) + "\"");
        }
    }

    /** {@code body_format}: {@code text} or {@code html}, any case. */
    static String bodyFormat(String value) {
        String format = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        if (!format.equals("text") && !format.equals("html")) {
            throw new ToolArgumentException("body_format", "must be text or html, got \"" + abbreviate(value) + "\"");
        }
        return format;
    }

    /**
     * A {@code query} as Graph's {@code $search} value: the whole text in double quotes, with
     * {@code \} and {@code "} escaped by a backslash (OData's search phrase), so KQL inside it
     * ({@code subject:"Q3 budget" from:megan}) keeps its own quotes.
     *
     * @throws ToolArgumentException when blank, longer than {@link #MAX_QUERY_LENGTH}, or holding a
     *         control character or {@code &} (which would end the query parameter)
     */
    static String searchPhrase(String query) {
        String text = query == null ? "" : query.trim();
        if (text.isEmpty()) {
            throw new ToolArgumentException("query", "must not be blank");
        }
        if (text.length() > MAX_QUERY_LENGTH) {
            throw new ToolArgumentException("query", "must be at most " + MAX_QUERY_LENGTH + " characters, got "
                    + text.length());
        }
        if (text.chars().anyMatch(Character::isISOControl)) {
            throw new ToolArgumentException("query", "must not contain control characters or line breaks");
        }
        if (text.indexOf('&') >= 0) {
            throw new ToolArgumentException("query", "must not contain '&'; use a space or AND instead");
        }
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private static String abbreviate(String text) {
        return text == null ? "null" : text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
