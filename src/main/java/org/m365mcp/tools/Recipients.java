package org.m365mcp.tools;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.m365mcp.mcp.ToolArgumentException;

/**
 * Email address arguments as Graph's {@code recipient} JSON ({@code a@b.c} or {@code Name <a@b.c>}),
 * for every tool family that addresses people: mail, events, contacts, free/busy. Each failure is a
 * {@link ToolArgumentException} naming the argument and the offending value. Stateless.
 */
public final class Recipients {

    private static final Pattern ADDRESS =
            Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
                    + "@[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)+");
    /** {@code Name <address>} or {@code "Name" <address>}. */
    private static final Pattern NAMED = Pattern.compile("\\s*\"?([^\"<>]*?)\"?\\s*<([^<>]*)>\\s*");

    private Recipients() {}

    /**
     * Graph's {@code recipient} array for {@code addresses}, each {@code a@b.c} or {@code Name <a@b.c>};
     * an empty array for {@code null}.
     */
    public static ArrayNode recipients(String argument, List<String> addresses) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        if (addresses != null) {
            addresses.forEach(text -> array.add(recipient(argument, text)));
        }
        return array;
    }

    /** The addresses of a {@code recipient} array, in order. */
    public static List<String> addresses(ArrayNode recipients) {
        List<String> all = new ArrayList<>();
        recipients.forEach(r -> all.add(r.path("emailAddress").path("address").asText()));
        return List.copyOf(all);
    }

    /**
     * Graph's {@code recipient} for {@code text}, {@code a@b.c} or {@code Name <a@b.c>}.
     *
     * @throws ToolArgumentException naming {@code argument} when it is not an email address
     */
    public static ObjectNode recipient(String argument, String text) {
        String name = null;
        String address = text == null ? "" : text.trim();
        Matcher named = NAMED.matcher(address);
        if (named.matches()) {
            name = named.group(1).isBlank() ? null : named.group(1).trim();
            address = named.group(2).trim();
        }
        if (address.length() > 254 || !ADDRESS.matcher(address).matches()) {
            throw new ToolArgumentException(
                    argument,
                    "\"" + text + "\" is not an email address"
                            + " (expected name@example.com or Name <name@example.com>)");
        }
        ObjectNode recipient = JsonNodeFactory.instance.objectNode();
        ObjectNode email = recipient.putObject("emailAddress").put("address", address);
        if (name != null) {
            email.put("name", name);
        }
        return recipient;
    }
}
