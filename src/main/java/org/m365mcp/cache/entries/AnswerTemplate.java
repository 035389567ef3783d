package org.m365mcp.cache.entries;

import java.util.Objects;

/**
 * A cached result rendered as the tool's answer, with a gap where its cache state goes: a hit fills
 * the gap and serves the text as it is, with no decoding or rendering of the payload.
 *
 * @param before the answer up to the cache state (the whole answer when it carries none)
 * @param after  the answer after the cache state; null when the answer carries none
 */
public record AnswerTemplate(String before, String after) {

    public AnswerTemplate {
        Objects.requireNonNull(before, "before");
    }

    /**
     * The template of {@code rendered}, an answer rendered with {@code placeholder} as its cache
     * state. The placeholder is a JSON object; inside a JSON string its quotes would be escaped, so
     * it is found only where the cache state was rendered. Not found: the answer carries no state.
     */
    public static AnswerTemplate of(String rendered, String placeholder) {
        int at = rendered.indexOf(placeholder);
        if (at < 0) {
            return new AnswerTemplate(rendered, null);
        }
        return new AnswerTemplate(rendered.substring(0, at), rendered.substring(at + placeholder.length()));
    }

    /** The answer with {@code cache}, the cache state's JSON, in the gap. */
    public String with(String cache) {
        return after == null ? before : before + cache + after;
    }
}
