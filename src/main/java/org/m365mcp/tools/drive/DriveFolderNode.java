package org.m365mcp.tools.drive;

import java.util.List;

/**
 * One folder of {@code folder_get_tree}, compact.
 *
 * @param childCount the files and folders directly in it, as Graph counts them
 * @param children   its subfolders, or null when it has none or the tree stopped at {@code max_depth} here
 */
public record DriveFolderNode(String id, String name, int childCount, long size, List<DriveFolderNode> children) {

    public DriveFolderNode {
        children = children == null || children.isEmpty() ? null : List.copyOf(children);
    }
}
