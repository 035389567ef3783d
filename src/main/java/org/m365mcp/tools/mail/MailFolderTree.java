package org.m365mcp.tools.mail;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.m365mcp.graph.GraphClient;

/**
 * Reads a mail folder subtree for {@code emailfolders_get_tree}: depth first, following the paging
 * of every {@code childFolders} listing, down to {@code maxDepth} levels.
 *
 * <ul>
 *   <li>Only folders Graph counts children for are opened, so leaves cost no request.</li>
 *   <li>At most {@link #BUDGET} folders are read; past it the tree is cut and {@link #truncated()} says so.</li>
 *   <li>One instance per call; not thread-safe.</li>
 * </ul>
 */
final class MailFolderTree {

    /** The most folders one tree holds: a mailbox past it is better explored a branch at a time. */
    static final int BUDGET = 1000;

    private final GraphClient graph;
    private final String accountId;
    private final int maxDepth;
    private int remaining = BUDGET;
    private boolean truncated;

    MailFolderTree(GraphClient graph, String accountId, int maxDepth) {
        this.graph = Objects.requireNonNull(graph, "graph");
        this.accountId = Objects.requireNonNull(accountId, "accountId");
        this.maxDepth = maxDepth;
    }

    /** The subfolders of {@code folderId} (null: the mailbox root), {@code maxDepth} levels deep. */
    List<MailFolderNode> read(String folderId) {
        return level(folderId, 1);
    }

    /** How many folders {@link #read} returned, all levels together. */
    int count() {
        return BUDGET - remaining;
    }

    boolean truncated() {
        return truncated;
    }

    private List<MailFolderNode> level(String folderId, int depth) {
        List<JsonNode> folders = graph.getPaged(accountId, childrenPath(folderId), remaining + 1);
        if (folders.size() > remaining) {
            truncated = true;
            folders = folders.subList(0, remaining);
        }
        remaining -= folders.size();
        List<MailFolderNode> nodes = new ArrayList<>();
        for (JsonNode folder : folders) {
            MailFolderSummary summary = MailFolderSummary.of(folder);
            List<MailFolderNode> children = null;
            if (depth < maxDepth && summary.childCount() > 0) {
                if (remaining > 0) {
                    children = level(summary.id(), depth + 1);
                } else {
                    truncated = true;
                }
            }
            nodes.add(new MailFolderNode(
                    summary.id(),
                    summary.name(),
                    summary.unreadCount(),
                    summary.totalCount(),
                    summary.childCount(),
                    children));
        }
        return nodes;
    }

    /** Graph's listing of a folder's children; {@code /me/mailFolders} lists the root's. */
    static String childrenPath(String folderId) {
        String base = folderId == null ? "/me/mailFolders" : "/me/mailFolders/" + folderId + "/childFolders";
        return base + "?$top=100&$select=" + MailFolderSummary.FIELDS;
    }
}
