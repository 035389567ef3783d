package org.m365mcp.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.m365mcp.graph.RecipientText;

/**
 * A message as a delta round reported it, in the fields an {@code email_list} page shows (snake case,
 * as the page is cached): what a read state or flag changed elsewhere is patched into a cached page
 * with, once the page is found to show everything else of it the same.
 *
 * <ul>
 *   <li>Only from a delta item that carries every field a page shows but the body ({@link #SELECT}); a
 *       link made with an older {@code $select} gives none, and the change is dropped as any other.</li>
 *   <li>Never for a draft: its body may change unseen. A sent or received message's body cannot.</li>
 *   <li>Immutable.</li>
 * </ul>
 *
 * @param id      the message's id
 * @param isRead  its read state now
 * @param flag    its flag now as {@code email_get} shows it: {@code flagged}, {@code complete}, or null
 * @param etag    its {@code @odata.etag} now; null when the delta item carried none
 * @param shown   the other fields a page shows, as it shows them (absent when it leaves them out)
 */
record MessageState(String id, boolean isRead, String flag, String etag, ObjectNode shown) {

    /** The messages delta's {@code $select}: what is needed to tell a read state or flag change apart. */
    static final String SELECT =
            "id,isRead,flag,isDraft,subject,from,receivedDateTime,bodyPreview,hasAttachments,importance,categories";

    private static final List<String> NEEDED =
            List.of("isRead", "isDraft", "subject", "receivedDateTime", "bodyPreview", "hasAttachments", "importance");

    MessageState {
        Objects.requireNonNull(id, "id");
        shown = shown.deepCopy();
    }

    /** The state {@code change} reports, when it can be patched into a page at all. */
    static Optional<MessageState> of(DeltaChange change) {
        JsonNode item = change.item();
        if (change.removed()
                || !NEEDED.stream().allMatch(item::has)
                || item.path("isDraft").asBoolean(true)) {
            return Optional.empty();
        }
        ObjectNode shown = JsonNodeFactory.instance.objectNode();
        shown.put("subject", item.path("subject").asText(""));
        String from = RecipientText.of(item.path("from"));
        if (from != null) {
            shown.put("from", from);
        }
        shown.put("received_at", item.path("receivedDateTime").asText());
        shown.put("preview", item.path("bodyPreview").asText(""));
        shown.put("has_attachments", item.path("hasAttachments").asBoolean(false));
        shown.put("importance", item.path("importance").asText("normal"));
        if (item.path("categories").size() > 0) {
            ArrayNode categories = shown.putArray("categories");
            item.path("categories").forEach(c -> categories.add(c.asText()));
        }
        String status = item.path("flag").path("flagStatus").asText("notFlagged");
        return Optional.of(new MessageState(
                change.id(),
                item.path("isRead").asBoolean(),
                status.equals("notFlagged") ? null : status,
                item.path("@odata.etag").asText(null),
                shown));
    }

    /** Whether it is flagged now, as an {@code email_list} page shows it. */
    boolean flagged() {
        return "flagged".equals(flag);
    }

    /** True when {@code listed} (a message of a cached page) shows every field but read state and flag as now. */
    boolean sameOtherwise(JsonNode listed) {
        for (String field :
                List.of("subject", "from", "received_at", "preview", "has_attachments", "importance", "categories")) {
            if (!Objects.equals(listed.get(field), shown.get(field))) {
                return false;
            }
        }
        return true;
    }

    /** True when {@code listed} shows another read state or flag than now. */
    boolean differsIn(JsonNode listed) {
        return listed.path("is_read").asBoolean() != isRead
                || listed.path("flagged").asBoolean() != flagged();
    }
}
