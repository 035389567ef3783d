package org.m365mcp.tools.server;

/**
 * The answer of {@code server_get_version}.
 *
 * @param mode         {@code demo} (the built-in sandbox tenant, made-up data) or {@code microsoft}
 * @param sandbox      true in demo mode
 * @param graphBaseUrl where Graph calls go
 * @param authority    the Microsoft sign-in authority; null in demo mode
 * @param note         what the mode means, in a sentence
 */
public record ServerVersionAnswer(
        String name,
        String version,
        String mode,
        boolean sandbox,
        String graphBaseUrl,
        String authority,
        String javaVersion,
        String note) {}
