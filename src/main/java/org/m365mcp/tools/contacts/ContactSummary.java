package org.m365mcp.tools.contacts;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One contact in a listing or a search: enough to recognise and reach the person, and the id for
 * {@code contact_get}. Absent values are null (omitted from the JSON).
 */
public record ContactSummary(
        String id,
        String displayName,
        List<String> emails,
        String companyName,
        String jobTitle,
        String mobilePhone,
        String businessPhone) {

    /** The Graph properties {@link #of} reads, for {@code $select}. */
    static final String FIELDS = "id,displayName,emailAddresses,companyName,jobTitle,mobilePhone,businessPhones";

    public ContactSummary {
        emails = emails == null ? null : List.copyOf(emails);
    }

    static ContactSummary of(JsonNode contact) {
        return new ContactSummary(
                contact.path("id").asText(),
                text(contact, "displayName"),
                emails(contact),
                text(contact, "companyName"),
                text(contact, "jobTitle"),
                text(contact, "mobilePhone"),
                text(contact.path("businessPhones"), 0));
    }

    /** The addresses of a Graph contact's {@code emailAddresses}; null when it has none. */
    static List<String> emails(JsonNode contact) {
        List<String> all = new ArrayList<>();
        contact.path("emailAddresses").forEach(e -> {
            if (!e.path("address").asText("").isBlank()) {
                all.add(e.path("address").asText());
            }
        });
        return all.isEmpty() ? null : all;
    }

    /** A non-blank text property, or null. */
    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
    }

    static String text(JsonNode array, int index) {
        JsonNode value = array.path(index);
        return value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
    }
}
