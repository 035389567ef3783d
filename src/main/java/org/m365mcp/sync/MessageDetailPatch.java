package org.m365mcp.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Corrects a cached {@code email_get} answer in place for a message whose read state or flag changed
 * elsewhere (issue 16 item 2), instead of dropping it.
 *
 * <ul>
 *   <li>Only when the change carries the message's new {@code @odata.etag} (the answer's {@code etag}
 *       must be the one a next change may send) and the answer shows everything else of the message
 *       the delta reports as it is now: subject, sender, received time, importance, categories. A
 *       sent or received message's body, recipients and attachments cannot change; a draft's can,
 *       and a draft is never patched.</li>
 *   <li>The same bytes when nothing shown differs; empty when the answer cannot be corrected exactly
 *       (then it is dropped).</li>
 *   <li>Pure and thread-safe.</li>
 * </ul>
 */
final class MessageDetailPatch {

    private static final List<String> SAME = List.of("subject", "from", "received_at", "importance", "categories");

    private MessageDetailPatch() {}

    /** {@code payload} (an {@code email_get} answer as cached) with {@code state}'s read state, flag and etag. */
    static Optional<byte[]> apply(byte[] payload, MessageState state) {
        return AnswerPatch.apply(payload, answer -> correct(answer, state));
    }

    private static AnswerPatch.Outcome correct(JsonNode read, MessageState state) {
        if (!(read instanceof ObjectNode answer)
                || state.etag() == null
                || !state.id().equals(answer.path("id").asText())
                || answer.path("is_draft").asBoolean(true)) {
            return AnswerPatch.Outcome.NOT_EXACT;
        }
        for (String field : SAME) {
            if (!Objects.equals(answer.get(field), state.shown().get(field))) {
                return AnswerPatch.Outcome.NOT_EXACT;
            }
        }
        boolean same = answer.path("is_read").asBoolean() == state.isRead()
                && Objects.equals(answer.path("flag").asText(null), state.flag())
                && state.etag().equals(answer.path("etag").asText(null));
        if (same) {
            return AnswerPatch.Outcome.SAME;
        }
        answer.put("is_read", state.isRead());
        if (state.flag() == null) {
            answer.remove("flag");
        } else {
            answer.put("flag", state.flag());
        }
        answer.put("etag", state.etag());
        return AnswerPatch.Outcome.CORRECTED;
    }
}
