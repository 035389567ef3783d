package org.m365mcp.tools.mail;

import java.util.regex.Pattern;
import org.m365mcp.mcp.ToolArgumentException;

/**
 * Checks the ids and names the mail folder and rule tools put into a Graph URL path or body.
 *
 * <ul>
 *   <li>A folder id is checked by {@link MailArguments#folder}; a rule id has the same shape: nothing
 *       that could change the URL's path or query.</li>
 *   <li>A display name is trimmed, 1 to 255 characters, without control characters.</li>
 * </ul>
 */
final class IdArguments {

    /** Graph's rule ids are base64: the same shape {@link MailArguments} accepts for message and folder ids. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_=+\\-.]{1,512}");

    private static final int MAX_NAME = 255;

    private IdArguments() {}

    /** {@code value} when it is a usable folder id or well-known name, else a tool error naming {@code argument}. */
    static String folder(String argument, String value) {
        return MailArguments.folder(argument, value);
    }

    /** Null for an empty value (the argument's "none"), else {@link #folder}. */
    static String optionalFolder(String argument, String value) {
        return value == null || value.isBlank() ? null : folder(argument, value.trim());
    }

    /** {@code value} when it is a usable inbox rule id, else a tool error naming {@code argument}. */
    static String rule(String argument, String value) {
        if (value == null || !ID.matcher(value).matches()) {
            throw new ToolArgumentException(
                    argument, "must be a rule id from emailrules_list, got \"" + abbreviate(value) + "\"");
        }
        return value;
    }

    /** The trimmed display name, or a tool error naming {@code argument}. */
    static String name(String argument, String value) {
        String name = value == null ? "" : value.trim();
        if (name.isEmpty()) {
            throw new ToolArgumentException(argument, "must not be empty");
        }
        if (name.length() > MAX_NAME) {
            throw new ToolArgumentException(
                    argument, "must be at most " + MAX_NAME + " characters, got " + name.length());
        }
        if (name.chars().anyMatch(Character::isISOControl)) {
            throw new ToolArgumentException(argument, "must not contain control characters");
        }
        return name;
    }

    private static String abbreviate(String text) {
        return text == null ? "" : text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
