package org.m365mcp.sandbox.mail;

import java.util.Locale;
import java.util.Objects;

/**
 * One mail folder of a sandbox mailbox; immutable, replaced as a whole when renamed or moved.
 *
 * <ul>
 *   <li>{@code wellKnownName} is Graph's lower-case alias ({@code inbox}, {@code sentitems}, …) or
 *       {@code null} for a user-made folder; {@code parentFolderId} is {@code null} only for the root.
 * </ul>
 */
record MailFolder(String id, String wellKnownName, String displayName, String parentFolderId, boolean isHidden) {

    MailFolder {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(displayName, "displayName");
    }

    /** True when {@code ref} names this folder by opaque id (exact) or well-known name (any case). */
    boolean matches(String ref) {
        return id.equals(ref) || (wellKnownName != null && wellKnownName.equals(ref.toLowerCase(Locale.ROOT)));
    }

    MailFolder renamed(String name) {
        return new MailFolder(id, wellKnownName, name, parentFolderId, isHidden);
    }

    MailFolder movedTo(String parentId) {
        return new MailFolder(id, wellKnownName, displayName, parentId, isHidden);
    }
}
