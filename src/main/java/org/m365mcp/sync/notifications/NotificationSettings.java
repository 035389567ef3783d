package org.m365mcp.sync.notifications;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.m365mcp.config.DurationText;
import org.m365mcp.config.ServerAddress;
import org.m365mcp.graph.auth.SignIn;

/**
 * The change notification settings from MicroProfile Config (defaults, documented, in
 * {@code META-INF/microprofile-config.properties}), and so whether notifications are on and where Graph
 * sends them.
 *
 * <ul>
 *   <li>On when {@code m365.mcp.notifications.enabled} and either {@code m365.mcp.notifications.public-url}
 *       is set (an https URL of this server's root that Graph can reach), or the server is in demo mode,
 *       where the sandbox in this WAR calls the server's own loopback address. A real tenant without a
 *       public URL: off, polling only. A public URL that is not https: off, and said once in the log.
 * </ul>
 */
@ApplicationScoped
public class NotificationSettings {

    private static final Logger LOG = Logger.getLogger(NotificationSettings.class.getName());

    @Inject
    @ConfigProperty(name = "m365.mcp.notifications.enabled", defaultValue = "true")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "m365.mcp.notifications.public-url")
    Optional<String> publicUrl;

    @Inject
    @ConfigProperty(name = "m365.mcp.notifications.lifetime", defaultValue = "70h")
    String lifetime;

    @Inject
    @ConfigProperty(name = "m365.mcp.notifications.renew-before", defaultValue = "12h")
    String renewBefore;

    @Inject
    @ConfigProperty(name = "m365.mcp.notifications.check-interval", defaultValue = "1m")
    String checkInterval;

    @Inject
    @ConfigProperty(name = "m365.mcp.notifications.max-body-bytes", defaultValue = "1048576")
    int maxBodyBytes;

    @Inject
    @ConfigProperty(name = "m365.mcp.notifications.max-concurrent", defaultValue = "8")
    int maxConcurrent;

    @Inject
    SignIn signIn;

    @Inject
    ServerAddress server;

    private volatile Optional<WebhookUrls> urls;

    /** Where Graph sends notifications for the application at {@code contextPath}; empty when they are off. */
    Optional<WebhookUrls> webhookUrls(String contextPath) {
        Optional<WebhookUrls> known = urls;
        if (known == null) {
            known = decide(contextPath);
            urls = known;
        }
        return known;
    }

    private Optional<WebhookUrls> decide(String contextPath) {
        if (!enabled) {
            LOG.info("Change notifications are off (m365.mcp.notifications.enabled=false): polling only.");
            return Optional.empty();
        }
        Optional<String> configured = publicUrl.filter(url -> !url.isBlank());
        if (configured.isPresent()) {
            try {
                return Optional.of(WebhookUrls.underPublicUrl(configured.get()));
            } catch (IllegalArgumentException e) {
                LOG.severe("Change notifications are off: " + e.getMessage());
                return Optional.empty();
            }
        }
        if (signIn.sandbox()) {
            return Optional.of(WebhookUrls.loopback(server.loopbackAuthority(), contextPath));
        }
        LOG.info("Change notifications are off: m365.mcp.notifications.public-url is not set (polling only).");
        return Optional.empty();
    }

    RenewalPolicy renewal() {
        return new RenewalPolicy(
                DurationText.parse("m365.mcp.notifications.lifetime", lifetime),
                DurationText.parse("m365.mcp.notifications.renew-before", renewBefore));
    }

    Duration checkInterval() {
        return DurationText.parse("m365.mcp.notifications.check-interval", checkInterval);
    }

    /** The largest webhook body read; a longer one is ignored and counted. */
    int maxBodyBytes() {
        return maxBodyBytes;
    }

    /** Webhook POSTs handled at once; more are answered 202 unread and counted. */
    int maxConcurrent() {
        return maxConcurrent;
    }
}
