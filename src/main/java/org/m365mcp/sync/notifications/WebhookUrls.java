package org.m365mcp.sync.notifications;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;

/**
 * Where Graph sends this server's notifications: {@value #CHANGES} and {@value #LIFECYCLE} under the
 * server's public root ({@code m365.mcp.notifications.public-url}), or under its own loopback address in
 * demo mode.
 *
 * @param changes the subscriptions' {@code notificationUrl}
 * @param lifecycle their {@code lifecycleNotificationUrl}
 */
record WebhookUrls(URI changes, URI lifecycle) {

    /** The change notifications' path in the application. */
    static final String CHANGES = "/notifications/graph";
    /** The lifecycle notifications' path in the application. */
    static final String LIFECYCLE = "/notifications/graph/lifecycle";

    WebhookUrls {
        Objects.requireNonNull(changes, "changes");
        Objects.requireNonNull(lifecycle, "lifecycle");
    }

    /**
     * The URLs under {@code publicUrl}, the address at which Graph reaches this application's root.
     *
     * @throws IllegalArgumentException when it is not an absolute {@code https} URL without query or fragment
     */
    static WebhookUrls underPublicUrl(String publicUrl) {
        URI root;
        try {
            root = new URI(publicUrl.trim());
        } catch (URISyntaxException e) {
            throw notHttps();
        }
        String scheme = root.getScheme() == null ? "" : root.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https")
                || root.getHost() == null
                || root.getRawQuery() != null
                || root.getRawFragment() != null) {
            throw notHttps();
        }
        return under(root.toString());
    }

    /** The URLs on this server's own loopback address (demo mode: the sandbox in this WAR calls them). */
    static WebhookUrls loopback(String authority, String contextPath) {
        return under("http://" + authority + contextPath);
    }

    private static WebhookUrls under(String root) {
        String base = root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
        return new WebhookUrls(URI.create(base + CHANGES), URI.create(base + LIFECYCLE));
    }

    private static IllegalArgumentException notHttps() {
        return new IllegalArgumentException("m365.mcp.notifications.public-url must be an absolute https URL of this"
                + " server's root, without query or fragment (Graph sends notifications only to HTTPS)");
    }
}
