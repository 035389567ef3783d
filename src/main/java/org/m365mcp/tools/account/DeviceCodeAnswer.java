package org.m365mcp.tools.account;

import java.time.Instant;

/**
 * The answer of {@code account_authenticate}: what the user must do to finish signing in.
 *
 * @param message  the sign-in service's own instruction for the user
 * @param nextStep what the assistant should call once the user is done
 */
public record DeviceCodeAnswer(
        String userCode, String verificationUri, Instant expiresAt, String message, String nextStep) {}
