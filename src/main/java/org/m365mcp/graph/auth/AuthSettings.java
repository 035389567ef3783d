package org.m365mcp.graph.auth;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * How this server signs in to Microsoft: the Azure app registration's client ID, the authority and
 * the Graph permissions (scopes) it asks for.
 *
 * <ul>
 *   <li>{@code authority}: {@code https://<host>/<tenant>/} with a trailing slash, e.g.
 *       {@code https://login.microsoftonline.com/common/} (work, school and personal accounts);
 *       MSAL4J accepts https only.
 *   <li>{@code scopes}: Graph delegated permissions, at least one; MSAL adds {@code openid},
 *       {@code profile} and {@code offline_access} itself.
 *   <li>{@code timeout}: for each exchange with the sign-in service, positive.
 * </ul>
 */
public record AuthSettings(String clientId, URI authority, List<String> scopes, Duration timeout) {

    /** Microsoft's sign-in hosts, which MSAL may validate and run instance discovery against. */
    private static final Set<String> MICROSOFT_HOSTS = Set.of(
            "login.microsoftonline.com",
            "login.microsoft.com",
            "login.windows.net",
            "login.microsoftonline.us",
            "login.chinacloudapi.cn",
            "login.partner.microsoftonline.cn");

    /** The Graph permissions every tool area needs, delegated, for one user. */
    public static final List<String> DEFAULT_SCOPES = List.of(
            "User.Read",
            "Mail.ReadWrite",
            "Mail.Send",
            "MailboxSettings.ReadWrite",
            "Calendars.ReadWrite",
            "Contacts.ReadWrite",
            "Files.ReadWrite.All");

    public AuthSettings {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(authority, "authority");
        Objects.requireNonNull(timeout, "timeout");
        if (clientId.isBlank()) {
            throw new IllegalArgumentException("clientId must not be blank");
        }
        if (!"https".equalsIgnoreCase(authority.getScheme()) || authority.getHost() == null) {
            throw new IllegalArgumentException("authority must be an https URL such as"
                    + " https://login.microsoftonline.com/common/, got " + authority);
        }
        String path = authority.getPath() == null ? "" : authority.getPath();
        if (path.replace("/", "").isEmpty()) {
            throw new IllegalArgumentException("authority must name a tenant (common, organizations, consumers or"
                    + " a tenant id/domain) as its path, got " + authority);
        }
        if (!path.endsWith("/")) {
            authority = URI.create(authority + "/");
        }
        scopes = List.copyOf(scopes);
        if (scopes.isEmpty() || scopes.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("scopes must list at least one Graph permission: " + scopes);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
    }

    /** The authority for {@code tenant} on Microsoft's global cloud. */
    public static URI microsoftAuthority(String tenant) {
        return URI.create("https://login.microsoftonline.com/" + tenant + "/");
    }

    /**
     * True when the authority is one of Microsoft's own sign-in hosts; for any other host (the
     * sandbox tenant in tests) authority validation and instance discovery are switched off, as
     * they can only be answered by Microsoft.
     */
    public boolean microsoftHost() {
        return MICROSOFT_HOSTS.contains(authority.getHost().toLowerCase(Locale.ROOT));
    }
}
