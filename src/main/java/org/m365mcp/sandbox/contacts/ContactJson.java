package org.m365mcp.sandbox.contacts;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Set;
import org.m365mcp.sandbox.common.Entities;
import org.m365mcp.sandbox.common.Json;
import org.m365mcp.sandbox.common.SandboxGraphException;

/**
 * Builds and edits contacts in Graph v1.0's {@code microsoft.graph.contact} JSON shape.
 *
 * <ul>
 *   <li>{@code displayName} is derived from given name and surname when the client does not set it,
 *       as Outlook does; {@code emailAddresses} entries need an {@code address}.
 *   <li>Stateless and thread-safe.
 * </ul>
 */
final class ContactJson {

    static final Set<String> WRITABLE = Set.of(
            "givenName",
            "surname",
            "middleName",
            "displayName",
            "nickName",
            "title",
            "initials",
            "generation",
            "fileAs",
            "jobTitle",
            "companyName",
            "department",
            "officeLocation",
            "profession",
            "manager",
            "assistantName",
            "spouseName",
            "personalNotes",
            "birthday",
            "businessHomePage",
            "emailAddresses",
            "businessPhones",
            "homePhones",
            "mobilePhone",
            "imAddresses",
            "homeAddress",
            "businessAddress",
            "otherAddress",
            "categories",
            "children");

    private ContactJson() {}

    static ObjectNode create(String id, String folderId, Instant now, ObjectNode request) {
        ObjectNode node = Json.object();
        node.put("@odata.etag", "W/\"" + id.substring(6, 26) + "\"");
        node.put("id", id);
        node.put("createdDateTime", now.toString());
        node.put("lastModifiedDateTime", now.toString());
        node.put("changeKey", id.substring(6, 26));
        node.putArray("categories");
        node.put("parentFolderId", folderId);
        node.putNull("birthday");
        node.put("fileAs", "");
        node.put("displayName", "");
        node.putNull("givenName");
        node.putNull("initials");
        node.putNull("middleName");
        node.putNull("nickName");
        node.putNull("surname");
        node.putNull("title");
        node.putNull("generation");
        node.putArray("imAddresses");
        node.putNull("jobTitle");
        node.putNull("companyName");
        node.putNull("department");
        node.putNull("officeLocation");
        node.putNull("profession");
        node.putNull("businessHomePage");
        node.putNull("assistantName");
        node.putNull("manager");
        node.putArray("homePhones");
        node.putNull("mobilePhone");
        node.putArray("businessPhones");
        node.putNull("spouseName");
        node.put("personalNotes", "");
        node.putArray("children");
        node.putArray("emailAddresses");
        node.putObject("homeAddress");
        node.putObject("businessAddress");
        node.putObject("otherAddress");
        apply(node, request, now);
        return node;
    }

    static void apply(ObjectNode contact, ObjectNode patch, Instant now) {
        ObjectNode clean = Entities.writable(patch, WRITABLE, "a contact");
        patch.path("emailAddresses").forEach(e -> {
            if (e.path("address").asText("").isBlank()) {
                throw SandboxGraphException.invalidRequest("Each of emailAddresses needs an 'address'.");
            }
        });
        Json.merge(contact, clean);
        if (!patch.has("displayName")) {
            String name = (contact.path("givenName").asText("") + " "
                            + contact.path("surname").asText(""))
                    .trim();
            if (!name.isEmpty()) {
                contact.put("displayName", name);
            }
        }
        contact.put("fileAs", contact.path("displayName").asText());
        Entities.touch(contact, now);
    }
}
