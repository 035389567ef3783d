package org.m365mcp.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses durations written in configuration: ISO-8601 ({@code PT15M}) or short form ({@code 90s}, {@code 15m}, {@code 2h}, {@code 1d}). */
public final class DurationText {

    private static final Pattern SHORT = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

    private DurationText() {}

    public static Duration parse(String name, String text) {
        String trimmed = text == null ? "" : text.trim();
        Matcher shortForm = SHORT.matcher(trimmed.toLowerCase(java.util.Locale.ROOT));
        if (shortForm.matches()) {
            long amount = Long.parseLong(shortForm.group(1));
            return switch (shortForm.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
        }
        try {
            return Duration.parse(trimmed);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "Configuration " + name + " is not a duration (use PT15M or 15m): '" + trimmed + "'", e);
        }
    }
}
