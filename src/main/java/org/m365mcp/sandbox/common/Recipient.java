package org.m365mcp.sandbox.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Objects;

/** A person in the sandbox tenant, rendered by Graph as {@code {"emailAddress":{name,address}}}. */
public record Recipient(String name, String address) {

    /** The made-up tenant's mail domain. */
    public static final String DOMAIN = "contoso.sandbox";

    public Recipient {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(address, "address");
    }

    /** A colleague in the tenant: {@code Megan Bowen} → {@code megan.bowen@contoso.sandbox}. */
    public static Recipient colleague(String name) {
        return new Recipient(name, name.toLowerCase(Locale.ROOT).replace(' ', '.') + "@" + DOMAIN);
    }

    /** Reads Graph's {@code {"emailAddress":{…}}}; a missing name becomes the address. */
    public static Recipient fromJson(JsonNode node) {
        JsonNode email = node.path("emailAddress");
        String address = email.path("address").asText("");
        if (address.isBlank()) {
            throw SandboxGraphException.invalidRequest("A recipient needs emailAddress.address.");
        }
        return new Recipient(email.path("name").asText(address), address);
    }

    public String firstName() {
        int space = name.indexOf(' ');
        return space < 0 ? name : name.substring(0, space);
    }

    /** Graph's {@code recipient}: {@code {"emailAddress":{"name":…,"address":…}}}. */
    public ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.putObject("emailAddress").put("name", name).put("address", address);
        return node;
    }
}
