package org.m365mcp.sandbox.contacts;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.m365mcp.sandbox.delta.Change;
import org.m365mcp.sandbox.delta.ChangeLog;
import org.m365mcp.sandbox.delta.DeltaQuery;
import org.m365mcp.sandbox.delta.DeltaSource;

/** {@code /me/contactFolders/{id}/contacts/delta} (contact-delta.md): the contacts of one folder. */
public final class ContactsDelta implements DeltaSource {

    /** The query options a first request may carry. */
    public static final Set<String> OPTIONS = Set.of("$select");

    private final AddressBook book;
    private final String folderId;
    private final ChangeLog log;

    public ContactsDelta(AddressBook book, String folderRef, ChangeLog log) {
        this.book = book;
        this.folderId = book.requireFolder(folderRef);
        this.log = log;
    }

    @Override
    public String resource() {
        return "contacts/" + folderId;
    }

    @Override
    public ChangeLog log() {
        return log;
    }

    @Override
    public String container() {
        return folderId;
    }

    @Override
    public List<String> currentIds() {
        return book.contacts(folderId).stream().map(c -> c.path("id").asText()).toList();
    }

    @Override
    public String orderKey(String id) {
        return id;
    }

    @Override
    public Optional<ObjectNode> render(String id) {
        return book.contactIn(folderId, id);
    }

    @Override
    public ObjectNode removed(Change last) {
        return DeltaQuery.removedOutlookItem("contact", last.itemId());
    }
}
