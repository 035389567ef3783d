package org.m365mcp.batch.warming;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One line of the warming plan (SPEC §5): a read tool, its priority, its arguments and the wait after
 * a call that reached Graph.
 *
 * @param operation the read tool, e.g. {@code email_list}
 * @param priority  1 first
 * @param arguments the tool's arguments by snake_case name, without {@code account_id}
 * @param pause     the pause after a call that reached Graph (throttling)
 */
public record WarmingEntry(String operation, int priority, Map<String, Object> arguments, Duration pause) {

    public WarmingEntry {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(pause, "pause");
        if (priority < 1) {
            throw new IllegalArgumentException("priority of " + operation + " must be 1 or more");
        }
        if (pause.isNegative()) {
            throw new IllegalArgumentException("wait of " + operation + " must not be negative");
        }
        arguments = Map.copyOf(arguments);
    }

    /**
     * Arguments written as {@code k=v&k=v}: whole numbers become numbers, {@code true}/{@code false}
     * booleans, anything else text; empty text is no arguments.
     */
    public static Map<String, Object> parseArguments(String operation, String text) {
        Map<String, Object> arguments = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return arguments;
        }
        for (String pair : text.trim().split("&")) {
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("arguments of " + operation + ": expected k=v, got '" + pair + "'");
            }
            arguments.put(
                    pair.substring(0, equals).trim(),
                    value(pair.substring(equals + 1).trim()));
        }
        return arguments;
    }

    private static Object value(String text) {
        if (text.matches("-?\\d{1,18}")) {
            return Long.parseLong(text);
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.equals("true") || lower.equals("false")) {
            return Boolean.parseBoolean(lower);
        }
        return text;
    }
}
