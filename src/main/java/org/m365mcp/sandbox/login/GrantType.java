package org.m365mcp.sandbox.login;

import java.util.Arrays;
import java.util.Optional;

/** The OAuth 2.0 grants the sandbox's token endpoint redeems. */
public enum GrantType {

    /** RFC 8628's device authorization grant, as MSAL polls it. */
    DEVICE_CODE("urn:ietf:params:oauth:grant-type:device_code", "device_code"),
    /** A refresh token, rotated on every use. */
    REFRESH_TOKEN("refresh_token", "refresh_token");

    private final String wireName;
    private final String shortName;

    GrantType(String wireName, String shortName) {
        this.wireName = wireName;
        this.shortName = shortName;
    }

    /** The {@code grant_type} form value. */
    public String wireName() {
        return wireName;
    }

    /** The name the admin API counts it under. */
    public String shortName() {
        return shortName;
    }

    /** The grant a {@code grant_type} value names, if the sandbox supports it. */
    public static Optional<GrantType> ofWireName(String value) {
        return Arrays.stream(values()).filter(g -> g.wireName.equals(value)).findFirst();
    }
}
