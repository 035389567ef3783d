package org.m365mcp.sandbox;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.m365mcp.sandbox.common.SandboxGraphException;
import org.m365mcp.sandbox.delta.ChangeFamily;

/**
 * A subscription's {@code resource}, read as Graph's supported resource paths
 * (change-notifications-supported-resources): which changes it covers and how long it may live.
 *
 * <ul>
 *   <li>{@code me/messages}, {@code me/mailFolders('{id}')/messages} (also {@code /mailFolders/{id}/}),
 *       {@code me/events}, {@code me/contacts}, {@code me/drive/root}; {@code users/{id}/…} for the
 *       token's own user, a leading {@code /} allowed.
 *   <li>Maximum lifetime: 4,230 minutes for Outlook, 42,300 for OneDrive (the subscription lifetime table).
 *   <li>A drive root takes only the {@code updated} change type.
 * </ul>
 *
 * @param container the mail folder's id for a folder's messages, else {@code null} (every container)
 */
record SubscribedResource(ChangeFamily family, String container, Duration maxLifetime) {

    static final Duration OUTLOOK_MAX = Duration.ofMinutes(4230);
    static final Duration DRIVE_MAX = Duration.ofMinutes(42300);

    private static final Pattern PATH = Pattern.compile(
            "/?(?:me|users/([^/]+))/(messages|events|contacts|drive/root|mailfolders(?:\\('([^']+)'\\)|/([^/]+))/messages)/?",
            Pattern.CASE_INSENSITIVE);

    /**
     * Reads {@code resource} for the user {@code isCaller} recognises; {@code folderId} resolves a mail
     * folder reference (well-known names included).
     *
     * @throws SandboxGraphException 400 for a path the sandbox does not subscribe to, 403 for another user
     */
    static SubscribedResource parse(
            String resource, Function<String, Boolean> isCaller, Function<String, Optional<String>> folderId) {
        Matcher m = PATH.matcher(resource == null ? "" : resource.trim());
        if (!m.matches()) {
            throw new SandboxGraphException(
                    400,
                    "InvalidRequest",
                    "The resource '" + resource + "' is not supported;"
                            + " the sandbox takes me/messages, me/mailFolders('{id}')/messages, me/events, me/contacts and"
                            + " me/drive/root (or users/{id}/…).");
        }
        if (m.group(1) != null && !isCaller.apply(m.group(1))) {
            throw new SandboxGraphException(
                    403, "ErrorAccessDenied", "Access is denied. Check credentials and try again.");
        }
        String kind = m.group(2).toLowerCase(Locale.ROOT);
        if (kind.startsWith("mailfolders")) {
            String ref = m.group(3) != null ? m.group(3) : m.group(4);
            String id = folderId.apply(ref)
                    .orElseThrow(() -> new SandboxGraphException(
                            404, "ErrorItemNotFound", "The specified object was not found in the store."));
            return new SubscribedResource(ChangeFamily.MESSAGE, id, OUTLOOK_MAX);
        }
        return switch (kind) {
            case "messages" -> new SubscribedResource(ChangeFamily.MESSAGE, null, OUTLOOK_MAX);
            case "events" -> new SubscribedResource(ChangeFamily.EVENT, null, OUTLOOK_MAX);
            case "contacts" -> new SubscribedResource(ChangeFamily.CONTACT, null, OUTLOOK_MAX);
            default -> new SubscribedResource(ChangeFamily.DRIVE_ITEM, null, DRIVE_MAX);
        };
    }

    /** The change types this resource takes. */
    Set<String> allowedChangeTypes() {
        return family == ChangeFamily.DRIVE_ITEM ? Set.of("updated") : Set.of("created", "updated", "deleted");
    }

    /** Graph's entity set in a notification's {@code resource} ({@code Users/{id}/Messages/{id}}), or null for OneDrive. */
    String entitySet() {
        return switch (family) {
            case MESSAGE -> "Messages";
            case EVENT -> "Events";
            case CONTACT -> "Contacts";
            default -> null;
        };
    }
}
