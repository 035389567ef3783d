package org.m365mcp.sandbox.delta;

/** The kinds of item whose changes the sandbox tracks, each in a change log of its own per account. */
public enum ChangeFamily {
    /** Messages; the container is the mail folder's id. */
    MESSAGE,
    /** Mail folders (also when their counts change); the container is the parent folder's id. */
    MAIL_FOLDER,
    /** Personal contacts; the container is the contact folder's id. */
    CONTACT,
    /** Events, series masters and their occurrences; the container is the calendar's id. */
    EVENT,
    /** OneDrive items; the container is the drive's id. */
    DRIVE_ITEM
}
