package org.m365mcp.tools;

import org.m365mcp.mcp.ToolArgumentException;

/**
 * Search text arguments as Graph's {@code $search} phrase, for every tool family that searches
 * (mail, contacts). Stateless.
 */
public final class SearchPhrase {

    /** Longest {@code $search} text accepted; Graph's own limit is higher, an assistant's sensible query far lower. */
    static final int MAX_QUERY_LENGTH = 500;

    private SearchPhrase() {}

    /**
     * A {@code query} as Graph's {@code $search} value: the whole text in double quotes, with
     * {@code \} and {@code "} escaped by a backslash (OData's search phrase), so KQL inside it
     * ({@code subject:"Q3 budget" from:megan}) keeps its own quotes.
     *
     * @throws ToolArgumentException when blank, longer than {@link #MAX_QUERY_LENGTH}, or holding a
     *         control character or {@code &} (which would end the query parameter)
     */
    public static String of(String argument, String query) {
        String text = query == null ? "" : query.trim();
        if (text.isEmpty()) {
            throw new ToolArgumentException(argument, "must not be blank");
        }
        if (text.length() > MAX_QUERY_LENGTH) {
            throw new ToolArgumentException(
                    argument, "must be at most " + MAX_QUERY_LENGTH + " characters, got " + text.length());
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
