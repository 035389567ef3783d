package org.m365mcp.sync.notifications;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import org.m365mcp.sync.SyncKind;

/**
 * What this server subscribes to per signed-in account, as Graph's subscription resources
 * (change-notifications-supported-resources), with Graph's limits for each.
 *
 * <ul>
 *   <li>Maximum lifetime (the subscription resource's "maximum length of subscription" table): 4,230
 *       minutes for an Outlook message, event or contact, 42,300 for a OneDrive driveItem.
 *   <li>The drive root takes only the {@code updated} change type.
 *   <li>Each covers one {@link SyncKind}: Graph notifies every change of it, so polling steps back. Outlook
 *       subscribes to messages, events and contacts, never to the mail folder collection, so nothing covers
 *       {@link SyncKind#MAIL_FOLDERS}: a folder added, renamed, moved or deleted elsewhere is seen by polling.
 *   <li>A message change also moves folder counts, so its notification pulls {@link SyncKind#MAIL_FOLDERS}
 *       too, without covering it.
 * </ul>
 */
enum SubscriptionTarget {
    MESSAGES(
            "me/messages",
            "created,updated,deleted",
            Duration.ofMinutes(4230),
            SyncKind.MESSAGES,
            SyncKind.MAIL_FOLDERS),
    EVENTS("me/events", "created,updated,deleted", Duration.ofMinutes(4230), SyncKind.EVENTS),
    CONTACTS("me/contacts", "created,updated,deleted", Duration.ofMinutes(4230), SyncKind.CONTACTS),
    DRIVE("me/drive/root", "updated", Duration.ofMinutes(42300), SyncKind.DRIVE);

    private final String path;
    private final String changeTypes;
    private final Duration maxLifetime;
    private final SyncKind covered;
    private final Set<SyncKind> pulled;

    SubscriptionTarget(
            String path, String changeTypes, Duration maxLifetime, SyncKind covered, SyncKind... alsoPulled) {
        this.path = path;
        this.changeTypes = changeTypes;
        this.maxLifetime = maxLifetime;
        this.covered = covered;
        this.pulled = EnumSet.of(covered, alsoPulled);
    }

    /** The subscription's {@code resource}, e.g. {@code me/messages}. */
    String path() {
        return path;
    }

    /** The subscription's {@code changeType}. */
    String changeTypes() {
        return changeTypes;
    }

    /** The longest Graph lets a subscription of this resource live. */
    Duration maxLifetime() {
        return maxLifetime;
    }

    /** The kind whose every change this subscription reports: polling steps back for it. */
    SyncKind covered() {
        return covered;
    }

    /** What a notification of this resource asks the sync to pull (or, when missed, to resync). */
    Set<SyncKind> pulled() {
        return Set.copyOf(pulled);
    }
}
