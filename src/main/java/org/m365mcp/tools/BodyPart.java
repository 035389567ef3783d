package org.m365mcp.tools;

import org.m365mcp.mcp.ToolArgumentException;

/**
 * One part of a long message or event body: at most the configured number of characters from an
 * offset, with a marker saying how much follows and how to read it ({@code body_offset}).
 *
 * <ul>
 *   <li>A cut never splits a surrogate pair; the next part starts where this one ended.
 *   <li>{@code nextOffset} and {@code note} are null when the whole body fits (nothing to say).
 *   <li>The offset is a tool argument, so it is part of the cache key: each part is cached as its own answer.
 * </ul>
 *
 * @param text       the part of the body
 * @param truncated  whether more of the body follows this part
 * @param nextOffset the {@code body_offset} of the next part; null at the end of the body
 * @param note       "characters 0-20000 of 54210 shown; 34210 more: call email_get with body_offset=20000"
 */
public record BodyPart(String text, boolean truncated, Integer nextOffset, String note) {

    /** The tool argument that chooses where a part starts. */
    public static final String OFFSET_ARGUMENT = "body_offset";

    /**
     * The part of {@code content} from {@code offset}, at most {@code maxChars} characters.
     *
     * @param tool the tool that reads the next part, named in the marker
     * @throws ToolArgumentException when {@code offset} is past the end of a non-empty body
     */
    public static BodyPart of(String content, int offset, int maxChars, String tool) {
        if (maxChars < 1) {
            throw new IllegalStateException("m365.mcp.answers.max-body-chars must be at least 1, not " + maxChars);
        }
        int total = content.length();
        if (offset < 0 || offset > 0 && offset >= total) {
            throw new ToolArgumentException(OFFSET_ARGUMENT, "is past the end of the body (" + total + " characters)");
        }
        if (offset == 0 && total <= maxChars) {
            return new BodyPart(content, false, null, null);
        }
        int end = Math.min(total, offset + maxChars);
        if (end < total && end - 1 > offset && Character.isHighSurrogate(content.charAt(end - 1))) {
            end--;
        }
        String shown = "characters " + offset + "-" + end + " of " + total + " shown; ";
        return end < total
                ? new BodyPart(content.substring(offset, end), true, end, shown + (total - end) + " more: call "
                        + tool + " with " + OFFSET_ARGUMENT + "=" + end)
                : new BodyPart(content.substring(offset), false, null, shown + "the end of the body");
    }
}
