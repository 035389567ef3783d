package org.m365mcp.sandbox;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One sandbox user's mailbox: folders and the messages in them.
 *
 * <ul>
 *   <li>Immutable once built, hence thread-safe; writes will arrive with later issues and will
 *       need a concurrent structure here.
 *   <li>{@link #messages(MailFolder)} is ordered newest first, Graph's default order.
 * </ul>
 */
final class Mailbox {

    private final String accountId;
    private final String userId;
    private final Recipient owner;
    private final List<MailFolder> folders;
    private final List<SandboxMessage> messages;

    Mailbox(String accountId, String userId, Recipient owner, List<MailFolder> folders,
            List<SandboxMessage> messages) {
        this.accountId = Objects.requireNonNull(accountId, "accountId");
        this.userId = Objects.requireNonNull(userId, "userId");
        this.owner = Objects.requireNonNull(owner, "owner");
        this.folders = List.copyOf(folders);
        this.messages = messages.stream()
                .sorted(Comparator.comparing(SandboxMessage::receivedDateTime).reversed()
                        .thenComparing(SandboxMessage::id))
                .toList();
    }

    /** The id our server uses for this account (e.g. {@code demo}). */
    String accountId() {
        return accountId;
    }

    /** Graph's user object id (a GUID), as shown in {@code @odata.context}. */
    String userId() {
        return userId;
    }

    Recipient owner() {
        return owner;
    }

    List<MailFolder> folders() {
        return folders;
    }

    /** True when {@code ref} is the account id, the user's GUID or their address (any case). */
    boolean isAddressedBy(String ref) {
        return accountId.equals(ref) || userId.equalsIgnoreCase(ref) || owner.address().equalsIgnoreCase(ref);
    }

    /** The folder with this opaque id or well-known name, if any. */
    Optional<MailFolder> folder(String ref) {
        return folders.stream().filter(f -> f.matches(ref)).findFirst();
    }

    /** Messages directly in {@code folder}, newest first. */
    List<SandboxMessage> messages(MailFolder folder) {
        return messages.stream().filter(m -> m.parentFolderId().equals(folder.id())).toList();
    }
}
