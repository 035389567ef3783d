package org.m365mcp.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A mail folder whose item counts changed elsewhere (a message arrived, was read, deleted or moved),
 * corrected in place in the cached folder answers ({@code emailfolders_list}, {@code emailfolders_get},
 * {@code emailfolders_get_tree}) instead of dropping them (issue 16 item 2).
 *
 * <ul>
 *   <li>{@link #of}: only from a delta item that carries the folder's name, parent and all three counts.</li>
 *   <li>{@link #patchable}: only when a cached answer shows the folder with the same name, parent (where
 *       shown) and subfolder count — then only its unread and total counts changed, which neither add,
 *       remove nor order anything in a folder answer. A renamed, moved or new folder, or one that gained
 *       or lost a subfolder, is dropped as before.</li>
 *   <li>{@link #apply}: one answer's payload with the folders corrected; the same bytes when it shows
 *       none of them; empty when it shows one otherwise (then it is dropped).</li>
 *   <li>Pure and thread-safe.</li>
 * </ul>
 *
 * @param id       the folder's id
 * @param name     its display name
 * @param parentId its parent's id
 * @param unread   its unread item count now
 * @param total    its item count now
 * @param children its subfolder count
 */
record FolderCounts(String id, String name, String parentId, int unread, int total, int children) {

    /** The operations whose answers show folders with their counts. */
    static final List<String> OPERATIONS = List.of("emailfolders_list", "emailfolders_get", "emailfolders_get_tree");

    private static final List<String> NEEDED =
            List.of("displayName", "parentFolderId", "unreadItemCount", "totalItemCount", "childFolderCount");

    FolderCounts {
        Objects.requireNonNull(id, "id");
    }

    /** The counts {@code change} reports, when it could be a count change at all. */
    static Optional<FolderCounts> of(DeltaChange change) {
        JsonNode item = change.item();
        if (change.removed() || !NEEDED.stream().allMatch(item::has)) {
            return Optional.empty();
        }
        return Optional.of(new FolderCounts(
                change.id(),
                item.path("displayName").asText(""),
                item.path("parentFolderId").asText(""),
                item.path("unreadItemCount").asInt(),
                item.path("totalItemCount").asInt(),
                item.path("childFolderCount").asInt()));
    }

    /** True when the cached {@code answers} show this folder, and all show it as now but for its counts. */
    boolean patchable(List<JsonNode> answers) {
        boolean placed = false;
        for (JsonNode answer : answers) {
            for (Shown folder : folders(answer)) {
                if (id.equals(folder.node().path("id").asText())) {
                    if (!sameOtherwise(folder)) {
                        return false;
                    }
                    placed |= folder.parentId() != null;
                }
            }
        }
        return placed;
    }

    /** {@code payload} (a folder answer as cached) with the folders of {@code counts} corrected. */
    static Optional<byte[]> apply(byte[] payload, Map<String, FolderCounts> counts) {
        return AnswerPatch.apply(payload, answer -> correct(answer, counts));
    }

    private static AnswerPatch.Outcome correct(JsonNode answer, Map<String, FolderCounts> counts) {
        boolean changed = false;
        for (Shown shown : folders(answer)) {
            ObjectNode folder = shown.node();
            FolderCounts now = counts.get(folder.path("id").asText());
            if (now == null) {
                continue;
            }
            if (!now.sameOtherwise(shown)) {
                return AnswerPatch.Outcome.NOT_EXACT;
            }
            if (folder.path("unread_count").asInt() != now.unread()
                    || folder.path("total_count").asInt() != now.total()) {
                folder.put("unread_count", now.unread());
                folder.put("total_count", now.total());
                changed = true;
            }
        }
        return changed ? AnswerPatch.Outcome.CORRECTED : AnswerPatch.Outcome.SAME;
    }

    private boolean sameOtherwise(Shown folder) {
        return name.equals(folder.node().path("name").asText())
                && (folder.parentId() == null || parentId.equals(folder.parentId()))
                && folder.node().path("child_count").asInt() == children;
    }

    /**
     * A folder as an answer shows it.
     *
     * @param parentId its parent as the answer places it (its {@code parent_id}, the folder it is nested in, or
     *                 the folder a tree is of); null when the answer does not say
     */
    private record Shown(ObjectNode node, String parentId) {}

    /** Every folder an answer shows: its {@code folder}, its {@code folders} and their {@code children}. */
    private static List<Shown> folders(JsonNode answer) {
        List<Shown> found = new ArrayList<>();
        collect(answer.path("folder"), null, found);
        String treeOf =
                answer.path("folder_id").isTextual() ? answer.path("folder_id").asText() : null;
        answer.path("folders").forEach(folder -> collect(folder, treeOf, found));
        return found;
    }

    private static void collect(JsonNode folder, String nestedIn, List<Shown> found) {
        if (folder instanceof ObjectNode shown && shown.has("id") && shown.has("unread_count")) {
            String parent = shown.path("parent_id").isTextual()
                    ? shown.path("parent_id").asText()
                    : nestedIn;
            found.add(new Shown(shown, parent));
            shown.path("children")
                    .forEach(child -> collect(child, shown.path("id").asText(), found));
        }
    }
}
