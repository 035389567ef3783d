package org.m365mcp.tools.contacts;

import static org.m365mcp.tools.NotFound.addressed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import java.util.function.IntConsumer;
import org.m365mcp.cache.annotation.Invalidate;
import org.m365mcp.cache.annotation.InvalidatesCache;
import org.m365mcp.graph.GraphClient;
import org.m365mcp.graph.GraphClientRequest;
import org.m365mcp.graph.GraphException;
import org.m365mcp.mcp.CallProgress;
import org.m365mcp.mcp.McpTool;
import org.m365mcp.mcp.ToolArgumentException;
import org.m365mcp.mcp.ToolParam;
import org.m365mcp.mcp.ToolProgress;
import org.m365mcp.tools.Accounts;
import org.m365mcp.tools.DownloadFolder;

/**
 * Contact lists and export.
 *
 * <ul>
 *   <li>Graph v1.0 has no distribution lists for personal contacts, so a "list" is a contact folder
 *       ({@code /me/contactFolders}), as in the original server: {@code contact_create_list} makes
 *       one, {@code contact_add_to_list} copies a contact into it (Graph cannot move a contact
 *       between folders), {@code contact_list} and {@code contact_export} read it by its id.
 *   <li>{@code contact_export} writes a file in the download directory and answers its path and
 *       count, never the content.
 * </ul>
 */
@ApplicationScoped
public class ContactListTools {

    private static final String LIST_NOTE = " (a list is a contact folder: Graph has no contact lists)";
    /** What a copy into a list carries over: the contact's own data, not Graph's bookkeeping. */
    private static final Set<String> COPIED = Set.of(
            "displayName",
            "givenName",
            "surname",
            "emailAddresses",
            "mobilePhone",
            "businessPhones",
            "homePhones",
            "companyName",
            "jobTitle",
            "department",
            "businessAddress",
            "homeAddress",
            "birthday",
            "personalNotes",
            "categories");

    @Inject
    GraphClient graph;

    @Inject
    Accounts accounts;

    @Inject
    DownloadFolder downloads;

    @Inject
    CallProgress progress;

    @McpTool(
            name = "contact_create_list",
            idempotent = false,
            description = "Create a contact list" + LIST_NOTE + "; answers its list_id.")
    public ContactListCreatedAnswer contactCreateList(
            @ToolParam("Account id from account_list") String accountId, @ToolParam("Name of the list") String name) {
        String account = accounts.require(accountId).id();
        if (name == null
                || name.isBlank()
                || name.length() > 255
                || name.chars().anyMatch(Character::isISOControl)) {
            throw new ToolArgumentException("name", "must be 1 to 255 characters without control characters");
        }
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("displayName", name.strip());
        JsonNode folder;
        try {
            folder = graph.post(account, "/me/contactFolders", body);
        } catch (GraphException e) {
            throw e.status() == 409 ? new ToolArgumentException("name", "a list named '" + name + "' exists") : e;
        }
        return new ContactListCreatedAnswer(
                accountId,
                folder.path("id").asText(),
                folder.path("displayName").asText());
    }

    @McpTool(
            name = "contact_add_to_list",
            idempotent = false,
            description = "Add a contact to a list" + LIST_NOTE + ": a copy of it is made in the list's folder;"
                    + " answers the copy.")
    @InvalidatesCache({@Invalidate(operation = "contact_list"), @Invalidate(operation = "search_contacts")})
    public ContactAnswer contactAddToList(
            @ToolParam("Account id from account_list") String accountId,
            @ToolParam("List id from contact_create_list") String listId,
            @ToolParam("Contact id to add") String contactId) {
        String account = accounts.require(accountId).id();
        String list = ContactArguments.optionalFolder("list_id", listId);
        if (list == null) {
            throw new ToolArgumentException("list_id", "must not be empty");
        }
        String id = ContactArguments.contactId("contact_id", contactId);
        JsonNode contact = addressed(
                "contact_id",
                "no contact with id",
                id,
                () -> graph.get(account, "/me/contacts/" + id + "?$select=" + ContactExport.FIELDS));
        ObjectNode copy = JsonNodeFactory.instance.objectNode();
        contact.fields().forEachRemaining(f -> {
            if (COPIED.contains(f.getKey()) && !f.getValue().isNull()) {
                copy.set(f.getKey(), f.getValue());
            }
        });
        JsonNode created = addressed(
                "list_id",
                "no contact list",
                list,
                () -> graph.post(account, ContactArguments.contactsPath(list), copy));
        return new ContactAnswer(accountId, ContactDetail.of(created), null);
    }

    /** Not read-only although Graph is unchanged: it writes a local file, replacing one only with overwrite. */
    @McpTool(
            name = "contact_export",
            readOnly = false,
            destructive = false,
            idempotent = true,
            description = "Export contacts (one list/folder, or all) as vCard 3.0 or CSV to the server's download"
                    + " directory; returns the file's path and count, not the content, and a resource link to read it.")
    public ContactsExportedAnswer contactExport(
            @ToolParam("Account id from account_list") String accountId,
            @ToolParam(value = "vcard or csv", defaultValue = "vcard") String format,
            @ToolParam(value = "List (contact folder) id; empty: every contact", defaultValue = "") String folderId,
            @ToolParam(value = "File name (no path); empty: contacts.vcf or contacts.csv", defaultValue = "")
                    String fileName,
            @ToolParam(value = "Most contacts to export", defaultValue = "2000", min = 1, max = 10_000) int limit,
            @ToolParam(value = "Replace an existing file of that name", defaultValue = "false") boolean overwrite) {
        String account = accounts.require(accountId).id();
        String kind = ContactArguments.exportFormat("format", format);
        String folder = ContactArguments.optionalFolder("folder_id", folderId);
        String name = fileName.isEmpty()
                ? "contacts." + (kind.equals("vcard") ? "vcf" : "csv")
                : DownloadFolder.checkedName("file_name", fileName);
        List<JsonNode> contacts = collect(account, folder, limit + 1);
        boolean truncated = contacts.size() > limit;
        List<JsonNode> exported = contacts.subList(0, Math.min(limit, contacts.size()));
        String type = kind.equals("vcard") ? "text/vcard" : "text/csv";
        byte[] content = (kind.equals("vcard") ? ContactExport.vcards(exported) : ContactExport.csv(exported))
                .getBytes(StandardCharsets.UTF_8);
        DownloadFolder.Saved saved =
                downloads.save(fileName.isEmpty() ? "format" : "file_name", name, type, overwrite, temporary -> {
                    try {
                        Files.write(temporary, content);
                        return content.length;
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
        return new ContactsExportedAnswer(
                accountId,
                folder,
                kind,
                exported.size(),
                truncated,
                saved.path().toString(),
                saved.size(),
                saved.overwritten());
    }

    /** Up to {@code max} contacts of {@code folder}, or of every folder ({@link AllContacts}). */
    private List<JsonNode> collect(String account, String folder, int max) {
        String query = "?$top=100&$select=" + ContactExport.FIELDS;
        ToolProgress call = progress.current();
        IntConsumer collected = count -> call.report(count, null, count + " contacts read");
        if (folder != null) {
            return addressed(
                    "folder_id",
                    "no contact folder",
                    folder,
                    () -> graph.getPaged(
                            account,
                            GraphClientRequest.get(ContactArguments.contactsPath(folder) + query),
                            max,
                            collected));
        }
        return AllContacts.read(graph, account, path -> GraphClientRequest.get(path + query), max, collected);
    }
}
