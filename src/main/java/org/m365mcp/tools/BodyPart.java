package org.m365mcp.tools;

import org.m365mcp.mcp.ToolArgumentException;

/**
 * One part of a long text — a message or event body, a text file's content: at most the configured
 * number of characters from an offset, with a marker saying how much follows and how to read it
 * (the tool's {@code body_offset} or {@code content_offset}).
 *
 * <ul>
 *   <li>A cut never splits a surrogate pair; the next part starts where this one ended.
 *   <li>{@code nextOffset} and {@code note} are null when the whole body fits (nothing to say).
 *   <li>The offset is a tool argument, so it is part of the cache key: each part is cached as its own answer.
 * </ul>
 *
 * @param text       the part of the body
 * @param truncated  whether more of the body follows this part
 * @param nextOffset the offset of the next part; null at the end of the text
 * @param note       "characters 0-20000 of 54210 shown; 34210 more: call email_get with body_offset=20000"
 */
public record BodyPart(String text, boolean truncated, Integer nextOffset, String note) {

    /** The field a message or event answer holds its text in; its parts are read by {@code body_offset}. */
    public static final String BODY = "body";

    /** The field a file answer holds its text in; its parts are read by {@code content_offset}. */
    public static final String CONTENT = "content";

    /** The tool argument that chooses where a part of {@code field} starts: {@code body_offset}, {@code content_offset}. */
    public static String offsetArgument(String field) {
        return field + "_offset";
    }

    /**
     * The part of {@code content} from {@code offset}, at most {@code maxChars} characters.
     *
     * @param tool  the tool that reads the next part, named in the marker
     * @param field the answer's field for the text ({@link #BODY} or {@link #CONTENT}): the marker and
     *              errors speak of it and name its {@link #offsetArgument}
     * @throws ToolArgumentException when {@code offset} is past the end of a non-empty text
     */
    public static BodyPart of(String content, int offset, int maxChars, String tool, String field) {
        if (maxChars < 1) {
            throw new IllegalStateException("m365.mcp.answers.max-body-chars must be at least 1, not " + maxChars);
        }
        String argument = offsetArgument(field);
        int total = content.length();
        if (offset < 0 || offset > 0 && offset >= total) {
            throw new ToolArgumentException(
                    argument, "is past the end of the " + field + " (" + total + " characters)");
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
                ? new BodyPart(
                        content.substring(offset, end),
                        true,
                        end,
                        shown + (total - end) + " more: call " + tool + " with " + argument + "=" + end)
                : new BodyPart(content.substring(offset), false, null, shown + "the end of the " + field);
    }
}
