package org.m365mcp.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Corrects cached {@code email_list} pages in place for messages whose read state or flag changed
 * elsewhere (issue 16 item 2), instead of dropping them.
 *
 * <ul>
 *   <li>{@link #patchable}: a change is patched only when the folder's cached pages list the message,
 *       every listing shows all else of it as the change does, and one shows another read state or
 *       flag. Otherwise (a new message, one on no cached page, anything else changed) the pages are
 *       dropped: what else may have moved in them cannot be told.</li>
 *   <li>{@link #apply}: one page's payload with those messages corrected; the same bytes when it lists
 *       none of them; empty when it cannot be corrected exactly (it lists one with its body, which
 *       could have changed unseen, or shows one otherwise than the change).</li>
 *   <li>Read state and flag neither filter nor order a page (newest first), so the rest stays exact.
 *       Pure and thread-safe.</li>
 * </ul>
 */
final class ListingPatch {

    private ListingPatch() {}

    /** True when {@code state} can be patched into the folder's cached {@code pages} (as cached). */
    static boolean patchable(MessageState state, List<JsonNode> pages) {
        boolean listed = false;
        boolean differs = false;
        for (JsonNode page : pages) {
            for (JsonNode message : page.path("messages")) {
                if (state.id().equals(message.path("id").asText())) {
                    if (!state.sameOtherwise(message)) {
                        return false;
                    }
                    listed = true;
                    differs |= state.differsIn(message);
                }
            }
        }
        return listed && differs;
    }

    /** {@code payload} (an {@code email_list} page as cached) with the messages of {@code states} corrected. */
    static Optional<byte[]> apply(byte[] payload, Map<String, MessageState> states) {
        return AnswerPatch.apply(payload, page -> correct(page, states));
    }

    private static AnswerPatch.Outcome correct(JsonNode page, Map<String, MessageState> states) {
        boolean changed = false;
        for (JsonNode message : page.path("messages")) {
            MessageState state = states.get(message.path("id").asText());
            if (state == null || !state.differsIn(message)) {
                continue;
            }
            if (!state.sameOtherwise(message) || message.has("body") || !(message instanceof ObjectNode listed)) {
                return AnswerPatch.Outcome.NOT_EXACT;
            }
            listed.put("is_read", state.isRead());
            listed.put("flagged", state.flagged());
            changed = true;
        }
        return changed ? AnswerPatch.Outcome.CORRECTED : AnswerPatch.Outcome.SAME;
    }
}
