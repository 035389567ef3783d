package org.m365mcp.tools.contacts;

import static org.m365mcp.tools.NotFound.addressed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import javax.cache.annotation.CacheResult;
import org.m365mcp.cache.annotation.Invalidate;
import org.m365mcp.cache.annotation.InvalidatesCache;
import org.m365mcp.graph.GraphClient;
import org.m365mcp.graph.GraphClientRequest;
import org.m365mcp.mcp.McpTool;
import org.m365mcp.mcp.ToolArgumentException;
import org.m365mcp.mcp.ToolParam;
import org.m365mcp.tools.Accounts;
import org.m365mcp.tools.Confirmation;
import org.m365mcp.tools.IfMatch;
import org.m365mcp.tools.SearchPhrase;

/**
 * Contact tools: list, get and search (cached), create, update, delete. Lists (contact folders)
 * and export are in {@link ContactListTools}.
 *
 * <ul>
 *   <li>Writes invalidate as SPEC §3 says: every {@code contact_list} and {@code search_contacts}
 *       of the account, and {@code contact_get} of the contact changed.
 *   <li>A contact or folder id Graph does not know is a tool error naming the argument.
 *   <li>{@code contact_update} takes the {@code etag} {@code contact_get} returned and sends it as
 *       {@code If-Match} ({@link IfMatch}): a contact changed meanwhile is left as it is.
 * </ul>
 */
@ApplicationScoped
public class ContactTools {

    private static final int PAGE_SIZE = 100;

    @Inject
    GraphClient graph;

    @Inject
    Accounts accounts;

    @McpTool(
            name = "contact_list",
            readOnly = true,
            idempotent = true,
            description = "List contacts by name (default Contacts folder or a list's folder id), with ids for"
                    + " contact_get; page with skip.")
    @CacheResult(cacheName = "contact_list")
    public ContactListAnswer contactList(
            @ToolParam("Account id from account_list") String accountId,
            @ToolParam(value = "Contact folder (list) id; empty: the default Contacts folder", defaultValue = "")
                    String folderId,
            @ToolParam(value = "Most contacts to return", defaultValue = "50", min = 1, max = 500) int limit,
            @ToolParam(
                            value = "Contacts to skip (next_skip of the previous page)",
                            defaultValue = "0",
                            min = 0,
                            max = 100_000)
                    int skip,
            @ToolParam(value = "Serve from the cache when possible", defaultValue = "true") boolean useCache,
            @ToolParam(value = "Fetch from Graph now and update the cache", defaultValue = "false")
                    boolean forceRefresh) {
        String account = accounts.require(accountId).id();
        String folder = ContactArguments.optionalFolder("folder_id", folderId);
        String path = ContactArguments.contactsPath(folder) + "?$top=" + Math.min(limit + 1, PAGE_SIZE)
                + (skip > 0 ? "&$skip=" + skip : "") + "&$select=" + ContactSummary.FIELDS + "&$orderby=displayName";
        List<JsonNode> found =
                addressed("folder_id", "no contact folder", folder, () -> graph.getPaged(account, path, limit + 1));
        List<ContactSummary> contacts =
                found.stream().limit(limit).map(ContactSummary::of).toList();
        return new ContactListAnswer(
                accountId, folder, skip, contacts.size(), contacts, found.size() > limit ? skip + limit : null, null);
    }

    @McpTool(
            name = "contact_get",
            readOnly = true,
            idempotent = true,
            description = "Get one contact: names, emails, phones, company, addresses, birthday, notes, folder.")
    @CacheResult(cacheName = "contact_get")
    public ContactAnswer contactGet(
            @ToolParam("Account id from account_list") String accountId,
            @ToolParam("Contact id from contact_list or search_contacts") String contactId,
            @ToolParam(value = "Serve from the cache when possible", defaultValue = "true") boolean useCache,
            @ToolParam(value = "Fetch from Graph now and update the cache", defaultValue = "false")
                    boolean forceRefresh) {
        String account = accounts.require(accountId).id();
        String id = ContactArguments.contactId("contact_id", contactId);
        JsonNode contact = addressed(
                "contact_id",
                "no contact with id",
                id,
                () -> graph.get(account, "/me/contacts/" + id + "?$select=" + ContactDetail.FIELDS));
        return new ContactAnswer(accountId, ContactDetail.of(contact), null);
    }

    @McpTool(
            name = "search_contacts",
            readOnly = true,
            idempotent = true,
            description = "Search contacts of every folder by name, email, company or job title (words or"
                    + " \"phrases\"), with ids for contact_get.")
    @CacheResult(cacheName = "search_contacts")
    public SearchContactsAnswer searchContacts(
            @ToolParam("Account id from account_list") String accountId,
            @ToolParam("What to look for, e.g. contoso or megan") String query,
            @ToolParam(value = "Most contacts to return", defaultValue = "25", min = 1, max = 200) int limit,
            @ToolParam(value = "Serve from the cache when possible", defaultValue = "true") boolean useCache,
            @ToolParam(value = "Fetch from Graph now and update the cache", defaultValue = "false")
                    boolean forceRefresh) {
        String account = accounts.require(accountId).id();
        String phrase = SearchPhrase.of("query", query);
        String options =
                "?$search=" + phrase + "&$top=" + Math.min(limit, PAGE_SIZE) + "&$select=" + ContactSummary.FIELDS;
        List<ContactSummary> contacts = AllContacts.read(
                        graph,
                        account,
                        path -> GraphClientRequest.get(path + options).header("ConsistencyLevel", "eventual"),
                        limit)
                .stream()
                .map(ContactSummary::of)
                .toList();
        return new SearchContactsAnswer(accountId, query, contacts.size(), contacts, null);
    }

    @McpTool(
            name = "contact_create",
            idempotent = false,
            description = "Create a contact in the default Contacts folder or a list's folder; answers it with its id.")
    @InvalidatesCache({@Invalidate(operation = "contact_list"), @Invalidate(operation = "search_contacts")})
    public ContactAnswer contactCreate(
            @ToolParam("Account id from account_list") String accountId,
            @ToolParam(value = "Given (first) name", defaultValue = "") String givenName,
            @ToolParam(value = "Surname", defaultValue = "") String surname,
            @ToolParam(value = "Display name; empty: given name and surname", defaultValue = "") String displayName,
            @ToolParam(value = "Email addresses: name@example.com or Name <name@example.com>", defaultValue = "")
                    List<String> emails,
            @ToolParam(value = "Mobile phone", defaultValue = "") String mobilePhone,
            @ToolParam(value = "Business phone", defaultValue = "") String businessPhone,
            @ToolParam(value = "Company", defaultValue = "") String companyName,
            @ToolParam(value = "Job title", defaultValue = "") String jobTitle,
            @ToolParam(value = "Notes", defaultValue = "") String personalNotes,
            @ToolParam(value = "Contact folder (list) id; empty: the default Contacts folder", defaultValue = "")
                    String folderId) {
        String account = accounts.require(accountId).id();
        String folder = ContactArguments.optionalFolder("folder_id", folderId);
        ObjectNode body = fields(
                givenName,
                surname,
                displayName,
                emails,
                mobilePhone,
                businessPhone,
                companyName,
                jobTitle,
                personalNotes);
        if (!body.has("givenName") && !body.has("surname") && !body.has("displayName") && !body.has("emailAddresses")) {
            throw new ToolArgumentException(
                    "display_name",
                    "a contact needs a name or an email address:"
                            + " give given_name, surname, display_name or emails");
        }
        JsonNode created = addressed(
                "folder_id",
                "no contact folder",
                folder,
                () -> graph.post(account, ContactArguments.contactsPath(folder), body));
        return new ContactAnswer(accountId, ContactDetail.of(created), null);
    }

    @McpTool(
            name = "contact_update",
            idempotent = true,
            description = "Change a contact's fields; empty arguments stay as they are, emails (when given) replace"
                    + " all addresses.")
    @InvalidatesCache({
        @Invalidate(operation = "contact_get", param = "contact_id"),
        @Invalidate(operation = "contact_list"),
        @Invalidate(operation = "search_contacts")
    })
    public ContactAnswer contactUpdate(
            @ToolParam("Account id from account_list") String accountId,
            @ToolParam("Contact id") String contactId,
            @ToolParam(value = "Given (first) name", defaultValue = "") String givenName,
            @ToolParam(value = "Surname", defaultValue = "") String surname,
            @ToolParam(value = "Display name", defaultValue = "") String displayName,
            @ToolParam(value = "Email addresses replacing the current ones", defaultValue = "") List<String> emails,
            @ToolParam(value = "Mobile phone", defaultValue = "") String mobilePhone,
            @ToolParam(value = "Business phone (replaces the business phones)", defaultValue = "") String businessPhone,
            @ToolParam(value = "Company", defaultValue = "") String companyName,
            @ToolParam(value = "Job title", defaultValue = "") String jobTitle,
            @ToolParam(value = "Notes", defaultValue = "") String personalNotes,
            @ToolParam(value = "etag from contact_get: refused if the contact changed since", defaultValue = "")
                    String etag) {
        String account = accounts.require(accountId).id();
        String id = ContactArguments.contactId("contact_id", contactId);
        IfMatch ifMatch = IfMatch.of(etag, "contact", "contact_get");
        ObjectNode patch = fields(
                givenName,
                surname,
                displayName,
                emails,
                mobilePhone,
                businessPhone,
                companyName,
                jobTitle,
                personalNotes);
        if (patch.isEmpty()) {
            throw new ToolArgumentException("contact_id", "nothing to change: give at least one field");
        }
        JsonNode updated = addressed(
                "contact_id",
                "no contact with id",
                id,
                () -> ifMatch.patch(graph, account, "/me/contacts/" + id, patch));
        return new ContactAnswer(accountId, ContactDetail.of(updated), null);
    }

    @McpTool(
            name = "contact_delete",
            destructive = true,
            idempotent = true,
            description = "Delete a contact for good (no Deleted Items copy). Needs confirm=true.")
    @InvalidatesCache({
        @Invalidate(operation = "contact_get", param = "contact_id"),
        @Invalidate(operation = "contact_list"),
        @Invalidate(operation = "search_contacts")
    })
    public ContactDeletedAnswer contactDelete(
            @ToolParam("Account id from account_list") String accountId,
            @ToolParam("Contact id") String contactId,
            @ToolParam(value = "Must be true: the contact is deleted for good", defaultValue = "false")
                    boolean confirm) {
        String account = accounts.require(accountId).id();
        String id = ContactArguments.contactId("contact_id", contactId);
        Confirmation.require(confirm, "deletes contact " + id + " for good");
        addressed("contact_id", "no contact with id", id, () -> graph.delete(account, "/me/contacts/" + id));
        return new ContactDeletedAnswer(accountId, id, true);
    }

    /** The Graph body of the non-empty fields; addresses checked. */
    private static ObjectNode fields(
            String givenName,
            String surname,
            String displayName,
            List<String> emails,
            String mobilePhone,
            String businessPhone,
            String companyName,
            String jobTitle,
            String personalNotes) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        put(body, "givenName", givenName);
        put(body, "surname", surname);
        put(body, "displayName", displayName);
        ArrayNode addresses = ContactArguments.emailAddresses("emails", emails);
        if (addresses != null && !addresses.isEmpty()) {
            body.set("emailAddresses", addresses);
        }
        put(body, "mobilePhone", mobilePhone);
        if (businessPhone != null && !businessPhone.isBlank()) {
            body.putArray("businessPhones").add(businessPhone.strip());
        }
        put(body, "companyName", companyName);
        put(body, "jobTitle", jobTitle);
        put(body, "personalNotes", personalNotes);
        return body;
    }

    private static void put(ObjectNode body, String field, String value) {
        if (value != null && !value.isBlank()) {
            body.put(field, value.strip());
        }
    }
}
