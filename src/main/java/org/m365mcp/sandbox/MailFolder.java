package org.m365mcp.sandbox;

import java.util.Locale;
import java.util.Objects;

/**
 * One mail folder of a sandbox mailbox.
 *
 * <ul>
 *   <li>{@code wellKnownName} is Graph's lower-case alias ({@code inbox}, {@code sentitems}, …) or
 *       {@code null} for a user-made folder; {@code parentFolderId} is {@code null} only for the root.
 * </ul>
 */
record MailFolder(String id, String wellKnownName, String displayName, String parentFolderId) {

    MailFolder {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(displayName, "displayName");
    }

    /** True when {@code ref} names this folder by opaque id (exact) or well-known name (any case). */
    boolean matches(String ref) {
        return id.equals(ref)
                || (wellKnownName != null && wellKnownName.equals(ref.toLowerCase(Locale.ROOT)));
    }
}
