package org.m365mcp.tools.drive;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.m365mcp.mcp.ToolArgumentException;

/**
 * Checks the item ids, paths, names and choices the OneDrive tools put into a Graph URL or body.
 *
 * <ul>
 *   <li>An id is OneDrive's opaque id: letters, digits and {@code ! _ - .}, nothing that could change
 *       the URL's path or query.</li>
 *   <li>A path starts with {@code /}; its segments are names as {@link #name} checks them, never
 *       {@code .} or {@code ..}.</li>
 *   <li>A name is trimmed, 1 to 255 characters, without control characters nor OneDrive's forbidden
 *       {@code " * : < > ? / \ |}, and without {@code #} or {@code %}, which a URL path would misread.</li>
 *   <li>Stateless.</li>
 * </ul>
 */
final class DriveArguments {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9!_\\-.]{1,256}");
    private static final String FORBIDDEN = "\"*:<>?/\\|#%";
    private static final int MAX_NAME = 255;
    private static final Set<String> CONFLICTS = Set.of("fail", "rename", "replace");

    private DriveArguments() {}

    /** A folder given as an id or a {@code /path}; blank is the drive's root. */
    static DriveItemRef folder(String argument, String value) {
        String text = value == null ? "" : value.trim();
        if (text.isEmpty() || text.equals("/")) {
            return DriveItemRef.ROOT;
        }
        if (text.startsWith("/")) {
            return DriveItemRef.byPath(path(argument, text));
        }
        return DriveItemRef.byId(id(argument, text, "a folder id from folder_list or a path such as /Documents"));
    }

    /** A file id (files are addressed by id only, so cached reads and invalidations agree). */
    static DriveItemRef file(String argument, String value) {
        return DriveItemRef.byId(id(argument, value == null ? "" : value.trim(), "a file id from file_list"));
    }

    /** A folder id only: a folder a write acts on. */
    static DriveItemRef folderId(String argument, String value) {
        return DriveItemRef.byId(id(argument, value == null ? "" : value.trim(), "a folder id from folder_list"));
    }

    static String name(String argument, String value) {
        String name = value == null ? "" : value.trim();
        if (name.isEmpty()) {
            throw new ToolArgumentException(argument, "must not be empty");
        }
        if (name.length() > MAX_NAME) {
            throw new ToolArgumentException(
                    argument, "must be at most " + MAX_NAME + " characters, got " + name.length());
        }
        if (name.equals(".") || name.equals("..")) {
            throw new ToolArgumentException(argument, "must not be '.' or '..'");
        }
        if (name.chars().anyMatch(c -> Character.isISOControl(c) || FORBIDDEN.indexOf(c) >= 0)) {
            throw new ToolArgumentException(
                    argument,
                    "must not contain control characters nor any of " + FORBIDDEN + ", got \"" + abbreviate(name)
                            + "\"");
        }
        return name;
    }

    /** OneDrive's {@code @microsoft.graph.conflictBehavior}: fail, rename or replace. */
    static String conflict(String argument, String value) {
        String text = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        if (!CONFLICTS.contains(text)) {
            throw new ToolArgumentException(
                    argument, "must be fail, rename or replace, got \"" + abbreviate(value) + "\"");
        }
        return text;
    }

    /** One of {@code allowed} (lower case), or a tool error listing them. */
    static String choice(String argument, String value, Set<String> allowed) {
        String text = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        if (!allowed.contains(text)) {
            throw new ToolArgumentException(
                    argument,
                    "must be one of "
                            + String.join(", ", allowed.stream().sorted().toList()) + ", got \"" + abbreviate(value)
                            + "\"");
        }
        return text;
    }

    private static String path(String argument, String value) {
        String trimmed = value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
        StringBuilder out = new StringBuilder();
        for (String segment : trimmed.substring(1).split("/", -1)) {
            out.append('/').append(name(argument, segment));
        }
        return out.toString();
    }

    private static String id(String argument, String value, String expected) {
        if (!ID.matcher(value).matches()) {
            throw new ToolArgumentException(argument, "must be " + expected + ", got \"" + abbreviate(value) + "\"");
        }
        return value;
    }

    private static String abbreviate(String text) {
        return text == null ? "" : text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
