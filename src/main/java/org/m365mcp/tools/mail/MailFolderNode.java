package org.m365mcp.tools.mail;

import java.util.List;

/**
 * One folder of {@code emailfolders_get_tree}, compact.
 *
 * @param childCount how many subfolders Graph counts; when {@code children} is null but this is
 *                   positive, the tree stopped at {@code max_depth} here
 * @param children   the subfolders, or null when none were fetched
 */
public record MailFolderNode(
        String id, String name, int unreadCount, int totalCount, int childCount, List<MailFolderNode> children) {

    public MailFolderNode {
        children = children == null || children.isEmpty() ? null : List.copyOf(children);
    }
}
