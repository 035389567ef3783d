package org.m365mcp.sandbox.mail;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.m365mcp.sandbox.delta.Change;
import org.m365mcp.sandbox.delta.ChangeLog;
import org.m365mcp.sandbox.delta.DeltaQuery;
import org.m365mcp.sandbox.delta.DeltaSource;

/**
 * {@code /me/mailFolders/delta} (mailfolder-delta.md): every folder of the mailbox below its root, at any
 * depth. A folder shows again when it is renamed or moved, and when its counts change (a message added,
 * removed, read or unread, a child folder added or removed).
 */
public final class MailFoldersDelta implements DeltaSource {

    /** The query options a first request may carry. */
    public static final Set<String> OPTIONS = Set.of("$select");

    private final Mailbox mailbox;
    private final ChangeLog log;

    public MailFoldersDelta(Mailbox mailbox, ChangeLog log) {
        this.mailbox = mailbox;
        this.log = log;
    }

    @Override
    public String resource() {
        return "mailFolders";
    }

    @Override
    public ChangeLog log() {
        return log;
    }

    @Override
    public String container() {
        return null;
    }

    @Override
    public List<String> currentIds() {
        String root = mailbox.root().id();
        return mailbox.folders().stream()
                .map(MailFolder::id)
                .filter(id -> !id.equals(root))
                .toList();
    }

    @Override
    public String orderKey(String id) {
        return id;
    }

    @Override
    public Optional<ObjectNode> render(String id) {
        synchronized (mailbox) {
            return mailbox.folders().stream()
                    .filter(f -> f.id().equals(id) && f.parentFolderId() != null)
                    .findFirst()
                    .map(mailbox::folderJson);
        }
    }

    @Override
    public ObjectNode removed(Change last) {
        return DeltaQuery.removedOutlookItem("mailFolder", last.itemId());
    }
}
