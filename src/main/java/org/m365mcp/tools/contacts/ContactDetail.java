package org.m365mcp.tools.contacts;

import static org.m365mcp.tools.contacts.ContactSummary.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One contact in full, as {@code contact_get} and the writes answer it: names, addresses, phones,
 * work, notes. Absent values are null (omitted from the JSON); lists are null when empty.
 *
 * @param etag     Graph's {@code @odata.etag} of the contact as read or written, the {@code etag}
 *                 {@code contact_update} may send
 * @param folderId the contact folder it is in (a "list" of {@code contact_create_list} is one)
 */
public record ContactDetail(
        String id,
        String etag,
        String folderId,
        String displayName,
        String givenName,
        String surname,
        List<String> emails,
        String mobilePhone,
        List<String> businessPhones,
        List<String> homePhones,
        String companyName,
        String jobTitle,
        String department,
        String officeLocation,
        String businessAddress,
        String homeAddress,
        String birthday,
        String personalNotes,
        List<String> categories,
        String lastModified) {

    static final String FIELDS = "id,parentFolderId,displayName,givenName,surname,emailAddresses,mobilePhone,"
            + "businessPhones,homePhones,companyName,jobTitle,department,officeLocation,businessAddress,homeAddress,"
            + "birthday,personalNotes,categories,lastModifiedDateTime";

    public ContactDetail {
        emails = emails == null ? null : List.copyOf(emails);
        businessPhones = businessPhones == null ? null : List.copyOf(businessPhones);
        homePhones = homePhones == null ? null : List.copyOf(homePhones);
        categories = categories == null ? null : List.copyOf(categories);
    }

    static ContactDetail of(JsonNode c) {
        return new ContactDetail(
                c.path("id").asText(),
                text(c, "@odata.etag"),
                text(c, "parentFolderId"),
                text(c, "displayName"),
                text(c, "givenName"),
                text(c, "surname"),
                ContactSummary.emails(c),
                text(c, "mobilePhone"),
                strings(c.path("businessPhones")),
                strings(c.path("homePhones")),
                text(c, "companyName"),
                text(c, "jobTitle"),
                text(c, "department"),
                text(c, "officeLocation"),
                address(c.path("businessAddress")),
                address(c.path("homeAddress")),
                text(c, "birthday"),
                text(c, "personalNotes"),
                strings(c.path("categories")),
                text(c, "lastModifiedDateTime"));
    }

    /** A Graph {@code physicalAddress} on one line ("street, postal code city, state, country"), or null. */
    static String address(JsonNode address) {
        List<String> parts = new ArrayList<>();
        for (String part : new String[] {
            text(address, "street"),
            join(text(address, "postalCode"), text(address, "city")),
            text(address, "state"),
            text(address, "countryOrRegion")
        }) {
            if (part != null) {
                parts.add(part);
            }
        }
        return parts.isEmpty() ? null : String.join(", ", parts);
    }

    private static String join(String a, String b) {
        return a == null ? b : b == null ? a : a + " " + b;
    }

    private static List<String> strings(JsonNode array) {
        List<String> all = new ArrayList<>();
        array.forEach(v -> {
            if (v.isTextual() && !v.asText().isBlank()) {
                all.add(v.asText());
            }
        });
        return all.isEmpty() ? null : all;
    }
}
