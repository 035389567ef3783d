package org.m365mcp.tools.contacts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.m365mcp.mcp.ToolArgumentException;
import org.m365mcp.tools.Recipients;

/**
 * Checks of the contact tools' arguments that end up in a Graph path or body. Each failure is a
 * {@link ToolArgumentException} naming the argument and the offending value. Stateless.
 */
final class ContactArguments {

    /** Graph ids: nothing that could change the URL path ({@code / ? # %}, no all-dots name). */
    private static final Pattern ID = Pattern.compile("(?=.*[A-Za-z0-9])[A-Za-z0-9_=+\\-.]{1,512}");

    private ContactArguments() {}

    /** {@code id} when it looks like a Graph contact id. */
    static String contactId(String argument, String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new ToolArgumentException(argument, "must be a contact id from contact_list, got \"" + id + "\"");
        }
        return id;
    }

    /** {@code id} when it looks like a contact folder id; null for an empty one (the default folder). */
    static String optionalFolder(String argument, String id) {
        if (id == null || id.isEmpty()) {
            return null;
        }
        if (!ID.matcher(id).matches()) {
            throw new ToolArgumentException(
                    argument, "must be a contact folder id from contact_create_list or" + " empty, got \"" + id + "\"");
        }
        return id;
    }

    /** The contacts collection of {@code folder} (null: the default Contacts folder). */
    static String contactsPath(String folder) {
        return folder == null ? "/me/contacts" : "/me/contactFolders/" + folder + "/contacts";
    }

    /**
     * Graph's {@code emailAddresses} for {@code addresses}, each {@code a@b.c} or {@code Name <a@b.c>};
     * null for null (nothing to change).
     */
    static ArrayNode emailAddresses(String argument, List<String> addresses) {
        if (addresses == null) {
            return null;
        }
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        addresses.stream()
                .filter(a -> !a.isBlank())
                .forEach(text -> array.add(Recipients.recipient(argument, text).path("emailAddress")));
        return array;
    }

    /** {@code format} as {@code vcard} or {@code csv}, any case. */
    static String exportFormat(String argument, String format) {
        String value = format == null ? "" : format.trim().toLowerCase(Locale.ROOT);
        if (!value.equals("vcard") && !value.equals("csv")) {
            throw new ToolArgumentException(argument, "must be vcard or csv, got \"" + format + "\"");
        }
        return value;
    }

    /** The first email address of a Graph contact, or null. */
    static String firstAddress(JsonNode contact) {
        JsonNode first = contact.path("emailAddresses").path(0).path("address");
        return first.isTextual() ? first.asText() : null;
    }
}
