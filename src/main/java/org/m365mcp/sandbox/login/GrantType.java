package org.m365mcp.sandbox.login;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The OAuth 2.0 grants the sandbox's token endpoint redeems. */
public enum GrantType {

    /**
     * RFC 8628's device authorization grant. The identity platform takes the RFC's URN and the
     * short {@code device_code}, which is what MSAL4J 1.26 sends.
     */
    DEVICE_CODE("device_code", List.of("urn:ietf:params:oauth:grant-type:device_code", "device_code")),
    /** A refresh token, rotated on every use. */
    REFRESH_TOKEN("refresh_token", List.of("refresh_token"));

    private final String shortName;
    private final List<String> wireNames;

    GrantType(String shortName, List<String> wireNames) {
        this.shortName = shortName;
        this.wireNames = wireNames;
    }

    /** The name the admin API counts it under. */
    public String shortName() {
        return shortName;
    }

    /** The grant a {@code grant_type} form value names, if the sandbox supports it. */
    public static Optional<GrantType> ofWireName(String value) {
        return Arrays.stream(values()).filter(g -> g.wireNames.contains(value)).findFirst();
    }
}
