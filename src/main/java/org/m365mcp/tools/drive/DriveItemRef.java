package org.m365mcp.tools.drive;

/**
 * A drive item as the assistant addressed it: the root, an id, or a path below the root; and the
 * Graph paths that reach it.
 *
 * @param id   the item id; null for the root or a path
 * @param path the path below the root ({@code /Documents/Projects}); null for the root or an id
 */
record DriveItemRef(String id, String path) {

    static final DriveItemRef ROOT = new DriveItemRef(null, null);

    static DriveItemRef byId(String id) {
        return new DriveItemRef(id, null);
    }

    static DriveItemRef byPath(String path) {
        return new DriveItemRef(null, path);
    }

    boolean isRoot() {
        return id == null && path == null;
    }

    /** The item itself: {@code /me/drive/root}, {@code /me/drive/items/{id}} or {@code /me/drive/root:/a/b}. */
    String item() {
        return isRoot() ? "/me/drive/root" : id != null ? "/me/drive/items/" + id : "/me/drive/root:" + path;
    }

    /** A navigation below the item, e.g. {@code children}, {@code content}, {@code copy}. */
    String below(String segment) {
        return isRoot()
                ? "/me/drive/root/" + segment
                : id != null ? "/me/drive/items/" + id + "/" + segment : "/me/drive/root:" + path + ":/" + segment;
    }

    /** The simple upload address of a file called {@code name} directly in this folder. */
    String upload(String name) {
        return child(name, "content");
    }

    /** Where to create an upload session for a new file called {@code name} directly in this folder. */
    String uploadSession(String name) {
        return child(name, "createUploadSession");
    }

    private String child(String name, String action) {
        return isRoot()
                ? "/me/drive/root:/" + name + ":/" + action
                : id != null
                        ? "/me/drive/items/" + id + ":/" + name + ":/" + action
                        : "/me/drive/root:" + path + "/" + name + ":/" + action;
    }

    /** How the answer names it: the id, the path, or {@code /} for the root. */
    String shown() {
        return isRoot() ? "/" : id != null ? id : path;
    }
}
