package org.m365mcp.tools.drive;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The byte-range arithmetic of a Graph upload session: fragment sizes, {@code Content-Range}
 * headers, and where to go on from a session's {@code nextExpectedRanges}.
 *
 * <ul>
 *   <li>Graph asks for fragments that are multiples of {@link #UNIT} (320 KiB), but the last, and
 *       at most 60 MiB; {@link #FRAGMENT} is 10 units (3.2 MiB), Microsoft's own suggestion.
 *   <li>{@code nextExpectedRanges} lists {@code "start-end"} or open {@code "start-"} ranges; the
 *       upload goes on from the first one's start.
 *   <li>Stateless.
 * </ul>
 */
final class UploadRanges {

    /** Graph's fragment unit: 320 KiB. */
    static final int UNIT = 320 * 1024;

    /** The fragment size used: 10 × 320 KiB = 3,276,800 bytes. */
    static final int FRAGMENT = 10 * UNIT;

    private static final Pattern RANGE = Pattern.compile("(\\d{1,18})-(\\d{0,18})");

    private UploadRanges() {}

    /** The length of the fragment that starts at {@code offset} of a {@code total}-byte file. */
    static int fragmentLength(long offset, long total, int fragment) {
        if (offset < 0 || offset >= total) {
            throw new IllegalArgumentException("offset " + offset + " is outside a file of " + total + " bytes");
        }
        return (int) Math.min(fragment, total - offset);
    }

    /** {@code bytes start-end/total} for {@code length} bytes from {@code start}. */
    static String contentRange(long start, int length, long total) {
        return "bytes " + start + "-" + (start + length - 1) + "/" + total;
    }

    /**
     * The first byte the session expects next, from its {@code nextExpectedRanges}; -1 when the
     * array is missing, empty or unreadable.
     */
    static long nextStart(JsonNode nextExpectedRanges) {
        JsonNode first = nextExpectedRanges == null ? null : nextExpectedRanges.path(0);
        if (first == null || !first.isTextual()) {
            return -1;
        }
        Matcher range = RANGE.matcher(first.asText().trim());
        return range.matches() ? Long.parseLong(range.group(1)) : -1;
    }
}
