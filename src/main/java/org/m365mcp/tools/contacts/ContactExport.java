package org.m365mcp.tools.contacts;

import static org.m365mcp.tools.contacts.ContactSummary.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes Graph contacts as vCard 3.0 (RFC 2426) or CSV (RFC 4180). Pure functions; thread-safe.
 *
 * <ul>
 *   <li>vCard: text values escape {@code \ , ;} and line breaks ({@code \n}); lines end with CRLF and
 *       are folded at 75 octets without splitting a UTF-8 character.
 *   <li>CSV: a header row, then one row per contact; a field holding a comma, quote, CR or LF is
 *       quoted with its quotes doubled; rows end with CRLF. Values are written as they are (no
 *       spreadsheet-formula guarding: a leading {@code +} is common in phone numbers).
 * </ul>
 */
final class ContactExport {

    /** The Graph properties an export reads, for {@code $select}. */
    static final String FIELDS = "id,displayName,givenName,surname,emailAddresses,mobilePhone,businessPhones,"
            + "homePhones,companyName,jobTitle,department,businessAddress,homeAddress,birthday,personalNotes,categories";

    static final List<String> CSV_HEADER = List.of(
            "First Name",
            "Last Name",
            "Display Name",
            "E-mail Address",
            "E-mail 2 Address",
            "E-mail 3 Address",
            "Mobile Phone",
            "Business Phone",
            "Home Phone",
            "Company",
            "Job Title",
            "Department",
            "Business Address",
            "Home Address",
            "Birthday",
            "Notes",
            "Categories");

    private static final String CRLF = "\r\n";
    private static final int LINE_OCTETS = 75;

    private ContactExport() {}

    static String vcards(List<JsonNode> contacts) {
        StringBuilder out = new StringBuilder();
        contacts.forEach(contact -> vcard(contact, out));
        return out.toString();
    }

    private static void vcard(JsonNode c, StringBuilder out) {
        line(out, "BEGIN:VCARD");
        line(out, "VERSION:3.0");
        String name = text(c, "displayName");
        line(out, "FN:" + escape(name == null ? "" : name));
        line(out, "N:" + escape(orEmpty(text(c, "surname"))) + ";" + escape(orEmpty(text(c, "givenName"))) + ";;;");
        c.path("emailAddresses").forEach(e -> {
            String address = text(e, "address");
            if (address != null) {
                line(out, "EMAIL;TYPE=INTERNET:" + escape(address));
            }
        });
        optional(out, "TEL;TYPE=CELL:", text(c, "mobilePhone"));
        c.path("businessPhones").forEach(p -> optional(out, "TEL;TYPE=WORK:", p.asText(null)));
        c.path("homePhones").forEach(p -> optional(out, "TEL;TYPE=HOME:", p.asText(null)));
        String company = text(c, "companyName");
        String department = text(c, "department");
        if (company != null || department != null) {
            line(out, "ORG:" + escape(orEmpty(company)) + (department == null ? "" : ";" + escape(department)));
        }
        optional(out, "TITLE:", text(c, "jobTitle"));
        adr(out, "WORK", c.path("businessAddress"));
        adr(out, "HOME", c.path("homeAddress"));
        String birthday = text(c, "birthday");
        if (birthday != null) {
            line(out, "BDAY:" + birthday.substring(0, Math.min(10, birthday.length())));
        }
        optional(out, "NOTE:", text(c, "personalNotes"));
        List<String> categories = new ArrayList<>();
        c.path("categories").forEach(k -> categories.add(escape(k.asText())));
        if (!categories.isEmpty()) {
            line(out, "CATEGORIES:" + String.join(",", categories));
        }
        line(out, "END:VCARD");
    }

    private static void adr(StringBuilder out, String type, JsonNode a) {
        String street = text(a, "street");
        String city = text(a, "city");
        String state = text(a, "state");
        String postal = text(a, "postalCode");
        String country = text(a, "countryOrRegion");
        if (street == null && city == null && state == null && postal == null && country == null) {
            return;
        }
        line(
                out,
                "ADR;TYPE=" + type + ":;;" + escape(orEmpty(street)) + ";" + escape(orEmpty(city)) + ";"
                        + escape(orEmpty(state)) + ";" + escape(orEmpty(postal)) + ";" + escape(orEmpty(country)));
    }

    private static void optional(StringBuilder out, String prefix, String value) {
        if (value != null && !value.isBlank()) {
            line(out, prefix + escape(value));
        }
    }

    /** A vCard 3.0 text value: {@code \}, {@code ,} and {@code ;} escaped, any line break as {@code \n}. */
    static String escape(String value) {
        return value.replace("\\", "\\\\")
                .replace(",", "\\,")
                .replace(";", "\\;")
                .replace("\r\n", "\\n")
                .replace("\r", "\\n")
                .replace("\n", "\\n");
    }

    /** Appends {@code content} as one logical line, folded at 75 octets (continuations start with a space). */
    static void line(StringBuilder out, String content) {
        int octets = 0;
        int limit = LINE_OCTETS;
        for (int i = 0; i < content.length(); ) {
            int codePoint = content.codePointAt(i);
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > limit) {
                out.append(CRLF).append(' ');
                octets = 1;
                limit = LINE_OCTETS;
            }
            out.appendCodePoint(codePoint);
            octets += size;
            i += Character.charCount(codePoint);
        }
        out.append(CRLF);
    }

    static String csv(List<JsonNode> contacts) {
        StringBuilder out = new StringBuilder();
        row(out, CSV_HEADER);
        for (JsonNode c : contacts) {
            List<String> emails = new ArrayList<>();
            c.path("emailAddresses").forEach(e -> emails.add(orEmpty(text(e, "address"))));
            List<String> categories = new ArrayList<>();
            c.path("categories").forEach(k -> categories.add(k.asText()));
            row(
                    out,
                    List.of(
                            orEmpty(text(c, "givenName")),
                            orEmpty(text(c, "surname")),
                            orEmpty(text(c, "displayName")),
                            nth(emails, 0),
                            nth(emails, 1),
                            nth(emails, 2),
                            orEmpty(text(c, "mobilePhone")),
                            orEmpty(text(c.path("businessPhones"), 0)),
                            orEmpty(text(c.path("homePhones"), 0)),
                            orEmpty(text(c, "companyName")),
                            orEmpty(text(c, "jobTitle")),
                            orEmpty(text(c, "department")),
                            orEmpty(ContactDetail.address(c.path("businessAddress"))),
                            orEmpty(ContactDetail.address(c.path("homeAddress"))),
                            orEmpty(text(c, "birthday")),
                            orEmpty(text(c, "personalNotes")),
                            String.join(";", categories)));
        }
        return out.toString();
    }

    private static void row(StringBuilder out, List<String> fields) {
        out.append(fields.stream().map(ContactExport::csvField).collect(Collectors.joining(",")))
                .append(CRLF);
    }

    /** One CSV field: quoted, with its quotes doubled, when it holds a comma, quote, CR or LF. */
    static String csvField(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\r') < 0 && value.indexOf('\n') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    private static String nth(List<String> values, int index) {
        return index < values.size() ? values.get(index) : "";
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
