package org.m365mcp.config;

import java.util.Locale;

/**
 * The one spelling of an {@code account_id}: the sign-in name trimmed and in lower case, as account
 * ids are made ({@code SignedInAccount#id}), keyed in the cache and shown in every answer.
 *
 * <ul>
 *   <li>Spaces around it go ({@code " Demo"} is {@code demo}); control and invisible formatting
 *       characters anywhere are refused, never silently dropped ({@code "demo\u0000"} is no spelling of
 *       {@code demo}).</li>
 *   <li>Canonical ids are their own canonical form.</li>
 * </ul>
 */
public final class AccountIds {

    private AccountIds() {}

    /**
     * {@code raw} in its canonical form; empty when it is blank.
     *
     * @throws IllegalArgumentException when it holds a control or invisible formatting character; the
     *         message names the character's code point and position, never the text
     */
    public static String canonical(String raw) {
        for (int i = 0; i < raw.length(); ) {
            int codePoint = raw.codePointAt(i);
            if (isControlOrInvisible(codePoint)) {
                throw new IllegalArgumentException(String.format(
                        Locale.ROOT,
                        "must not contain control or invisible characters (U+%04X at position %d)",
                        codePoint,
                        i + 1));
            }
            i += Character.charCount(codePoint);
        }
        int start = 0;
        int end = raw.length();
        while (start < end && isSpace(raw.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(raw.charAt(end - 1))) {
            end--;
        }
        return raw.substring(start, end).toLowerCase(Locale.ROOT);
    }

    private static boolean isControlOrInvisible(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.CONTROL
                || type == Character.FORMAT
                || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR;
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }
}
