package org.m365mcp.tools.cache;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.m365mcp.cache.store.TaskStatus;
import org.m365mcp.mcp.ToolArgumentException;

/** Validation of the cache tools' arguments; each method answers the value to use or throws. */
final class CacheArguments {

    static final int MAX_PATTERN_LENGTH = 200;
    private static final Pattern TASK_ID = Pattern.compile("[0-9a-fA-F-]{1,64}");

    private CacheArguments() {}

    /** A known cached operation name. */
    static String operation(String argument, String value, Set<String> known) {
        if (!known.contains(value)) {
            throw new ToolArgumentException(
                    argument, "'" + value + "' is not a cached operation; one of " + String.join(", ", known));
        }
        return value;
    }

    /** A key-parameter pattern: {@code *} the only wildcard, 1–200 printable characters. */
    static String pattern(String argument, String value) {
        if (value.isBlank() || value.length() > MAX_PATTERN_LENGTH) {
            throw new ToolArgumentException(
                    argument, "must be 1 to " + MAX_PATTERN_LENGTH + " characters ('*' for everything)");
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw new ToolArgumentException(argument, "must not contain control characters");
        }
        return value;
    }

    /** A task id as the queue makes them (a UUID). */
    static String taskId(String argument, String value) {
        if (!TASK_ID.matcher(value).matches()) {
            throw new ToolArgumentException(argument, "is not a task id (a UUID from cache_task_list)");
        }
        return value;
    }

    /** A task status, or null for {@code any}. */
    static TaskStatus status(String argument, String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        if (lower.equals("any")) {
            return null;
        }
        for (TaskStatus status : TaskStatus.values()) {
            if (status.name().toLowerCase(Locale.ROOT).equals(lower)) {
                return status;
            }
        }
        throw new ToolArgumentException(argument, "must be any, queued, running, completed or failed");
    }
}
