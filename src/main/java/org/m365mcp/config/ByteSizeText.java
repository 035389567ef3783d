package org.m365mcp.config;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses sizes written in configuration: a byte count ({@code 51200}) or a number with a binary
 * unit ({@code 50KB}, {@code 10MB}, {@code 2GB}; 1 KB = 1,024 bytes).
 */
public final class ByteSizeText {

    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(b|kb|mb|gb)?");

    private ByteSizeText() {}

    /**
     * @param name the configuration property, for the error message
     * @throws IllegalArgumentException naming the property if {@code text} is not a size
     */
    public static long parse(String name, String text) {
        String trimmed = text == null ? "" : text.trim();
        Matcher size = SIZE.matcher(trimmed.toLowerCase(Locale.ROOT));
        if (!size.matches()) {
            throw new IllegalArgumentException(
                    "Configuration " + name + " is not a size (use 51200, 50KB, 10MB or 2GB): '" + trimmed + "'");
        }
        long amount = Long.parseLong(size.group(1));
        int shift = switch (size.group(2) == null ? "b" : size.group(2)) {
            case "kb" -> 10;
            case "mb" -> 20;
            case "gb" -> 30;
            default -> 0;
        };
        if (amount > (Long.MAX_VALUE >> shift)) {
            throw new IllegalArgumentException("Configuration " + name + " is too large: '" + trimmed + "'");
        }
        return amount << shift;
    }
}
