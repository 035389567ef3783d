package org.m365mcp.sandbox;

import java.util.Objects;

/** A person in the sandbox tenant, rendered by Graph as {@code {"emailAddress":{name,address}}}. */
record Recipient(String name, String address) {

    Recipient {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(address, "address");
    }

    String firstName() {
        int space = name.indexOf(' ');
        return space < 0 ? name : name.substring(0, space);
    }
}
