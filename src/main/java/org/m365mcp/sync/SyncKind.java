package org.m365mcp.sync;

import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of Microsoft 365 data the cache keeps current by delta sync, and their Graph resources.
 *
 * <ul>
 *   <li>{@link #MESSAGES}: one mail folder's messages ({@code /me/mailFolders/{id}/messages/delta}).
 *   <li>{@link #MAIL_FOLDERS}: the folder hierarchy and its counts ({@code /me/mailFolders/delta}).
 *   <li>{@link #CONTACTS}: one contact folder's contacts ({@code /me/contactFolders/{id}/contacts/delta}).
 *   <li>{@link #EVENTS}: one calendar window ({@code /me/calendarView/delta}).
 *   <li>{@link #DRIVE}: the OneDrive ({@code /me/drive/root/delta}).
 * </ul>
 */
public enum SyncKind {
    MESSAGES,
    MAIL_FOLDERS,
    CONTACTS,
    EVENTS,
    DRIVE;

    /** The name shown in stats and metrics, e.g. {@code mail_folders}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind named {@code label}, if any. */
    public static Optional<SyncKind> ofLabel(String label) {
        for (SyncKind kind : values()) {
            if (kind.label().equals(label)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
