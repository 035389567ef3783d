package org.m365mcp.graph.auth;

import java.time.Instant;
import java.util.Objects;

/**
 * What the user needs to finish a device-code sign-in: open {@code verificationUri}, enter
 * {@code userCode}, before {@code expiresAt}.
 *
 * @param message the sign-in service's own instruction, worded for the user
 */
public record DeviceCodePrompt(String userCode, String verificationUri, String message, Instant expiresAt) {

    public DeviceCodePrompt {
        Objects.requireNonNull(userCode, "userCode");
        Objects.requireNonNull(verificationUri, "verificationUri");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
