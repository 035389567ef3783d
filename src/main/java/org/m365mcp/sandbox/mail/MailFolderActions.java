package org.m365mcp.sandbox.mail;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import org.m365mcp.sandbox.common.SandboxGraphException;

/**
 * What Graph's mail folder endpoints do: create (top level or child), rename by PATCH, move, delete.
 *
 * <ul>
 *   <li>Sibling folders may not share a display name (409 {@code ErrorFolderExists}, ignoring case).
 *   <li>Well-known folders cannot be moved nor deleted; a folder cannot move under itself.
 *   <li>Each action is atomic on the mailbox.
 * </ul>
 */
final class MailFolderActions {

    private final Mailbox mailbox;

    MailFolderActions(Mailbox mailbox) {
        this.mailbox = Objects.requireNonNull(mailbox, "mailbox");
    }

    /** POST /mailFolders or /mailFolders/{parent}/childFolders ({@code parentRef} null for the top). */
    MailFolder create(String parentRef, ObjectNode body) {
        String name = body.path("displayName").asText("").trim();
        if (name.isEmpty()) {
            throw SandboxGraphException.invalidRequest("A folder needs a 'displayName'.");
        }
        synchronized (mailbox) {
            MailFolder parent = parentRef == null ? mailbox.root() : mailbox.requireFolder(parentRef);
            requireFreeName(parent.id(), name, null);
            MailFolder folder = new MailFolder(
                    mailbox.newId("folder"),
                    null,
                    name,
                    parent.id(),
                    body.path("isHidden").asBoolean(false));
            mailbox.putFolder(folder);
            return folder;
        }
    }

    /** PATCH: only {@code displayName} may change. */
    MailFolder update(String ref, ObjectNode patch) {
        patch.fieldNames().forEachRemaining(name -> {
            if (!name.equals("displayName") && !name.startsWith("@odata")) {
                throw new SandboxGraphException(
                        400,
                        "ErrorInvalidPropertyRequest",
                        "The property '" + name + "' cannot be set on a mail folder.");
            }
        });
        synchronized (mailbox) {
            MailFolder folder = mailbox.requireFolder(ref);
            if (!patch.has("displayName")) {
                return folder;
            }
            String name = patch.path("displayName").asText("").trim();
            if (name.isEmpty()) {
                throw SandboxGraphException.invalidRequest("displayName must not be empty.");
            }
            requireFreeName(folder.parentFolderId(), name, folder.id());
            MailFolder renamed = folder.renamed(name);
            mailbox.putFolder(renamed);
            return renamed;
        }
    }

    MailFolder move(String ref, ObjectNode body) {
        String destinationRef = body.path("destinationId").asText("");
        if (destinationRef.isBlank()) {
            throw SandboxGraphException.invalidRequest("The 'destinationId' parameter is required.");
        }
        synchronized (mailbox) {
            MailFolder folder = requireUserFolder(ref, "moved");
            MailFolder destination = mailbox.requireFolder(destinationRef);
            for (MailFolder f = destination;
                    f != null;
                    f = f.parentFolderId() == null
                            ? null
                            : mailbox.folder(f.parentFolderId()).orElse(null)) {
                if (f.id().equals(folder.id())) {
                    throw SandboxGraphException.invalidRequest(
                            "A folder cannot be moved into itself or its subfolders.");
                }
            }
            requireFreeName(destination.id(), folder.displayName(), folder.id());
            MailFolder moved = folder.movedTo(destination.id());
            mailbox.putFolder(moved);
            return moved;
        }
    }

    void delete(String ref) {
        synchronized (mailbox) {
            mailbox.removeFolderTree(requireUserFolder(ref, "deleted"));
        }
    }

    private MailFolder requireUserFolder(String ref, String verb) {
        MailFolder folder = mailbox.requireFolder(ref);
        if (folder.wellKnownName() != null) {
            throw new SandboxGraphException(
                    400, "ErrorCannotDeleteObject", "Distinguished folders cannot be " + verb + ".");
        }
        return folder;
    }

    private void requireFreeName(String parentId, String name, String exceptId) {
        boolean taken = mailbox.childFolders(parentId).stream()
                .anyMatch(f -> f.displayName().equalsIgnoreCase(name) && !f.id().equals(exceptId));
        if (taken) {
            throw new SandboxGraphException(
                    409, "ErrorFolderExists", "A folder with the specified name already exists.");
        }
    }
}
