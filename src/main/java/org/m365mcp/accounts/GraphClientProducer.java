package org.m365mcp.accounts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.servlet.ServletContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.m365mcp.config.ServerAddress;
import org.m365mcp.graph.GraphClient;
import org.m365mcp.graph.GraphSettings;
import org.m365mcp.graph.auth.SignIn;

/**
 * The Graph client of this server: against the sandbox tenant served by this same application in
 * demo mode, against {@code m365.mcp.graph.base-url} (Microsoft Graph v1.0) otherwise; its tokens
 * come from the server's {@link SignIn}, its TLS trust from {@link TlsTrust}.
 *
 * <ul>
 *   <li>The client is made on first use, which may be on a thread without a servlet request (the
 *       warming job's batch thread, a background refresh). Weld's built-in {@code ServletContext} bean
 *       is request scoped, so the application's context path is taken once from the start-up event,
 *       whose payload is the {@code ServletContext}, and never looked up later.</li>
 * </ul>
 */
@ApplicationScoped
class GraphClientProducer {

    @Inject
    TenantMode mode;

    /** The WAR's context path, where the sandbox is served in demo mode; set as the application starts. */
    private volatile String contextPath = "";

    @Inject
    ServerAddress server;

    @Inject
    SignIn signIn;

    @Inject
    TlsTrust tls;

    @Inject
    @ConfigProperty(name = "m365.mcp.graph.base-url")
    Optional<String> graphBaseUrl;

    @Inject
    @ConfigProperty(name = "m365.mcp.graph.timeout", defaultValue = "PT30S")
    String timeout;

    @Inject
    @ConfigProperty(name = "m365.mcp.graph.max-retries", defaultValue = "3")
    int maxRetries;

    @Inject
    @ConfigProperty(name = "m365.mcp.graph.max-concurrent-per-mailbox", defaultValue = "4")
    int maxConcurrentPerMailbox;

    @Inject
    @ConfigProperty(name = "m365.mcp.graph.call-deadline", defaultValue = "45s")
    String callDeadline;

    @Inject
    Clock clock;

    void started(@Observes @Initialized(ApplicationScoped.class) ServletContext application) {
        contextPath = application.getContextPath();
    }

    @Produces
    @Singleton // final type: not proxyable; immutable and thread-safe
    GraphClient graphClient() {
        Duration requestTimeout = org.m365mcp.config.DurationText.parse("m365.mcp.graph.timeout", timeout);
        // Never follow redirects: the 302 of /content leads to a pre-authenticated host, not for our token.
        HttpClient.Builder http =
                HttpClient.newBuilder().connectTimeout(requestTimeout).followRedirects(HttpClient.Redirect.NEVER);
        tls.sslContext().ifPresent(http::sslContext);
        GraphSettings settings = new GraphSettings(
                baseUrl(),
                requestTimeout,
                maxRetries,
                maxConcurrentPerMailbox,
                org.m365mcp.config.DurationText.parse("m365.mcp.graph.call-deadline", callDeadline));
        return new GraphClient(settings, signIn, http.build(), clock);
    }

    private URI baseUrl() {
        Optional<String> configured = graphBaseUrl.filter(url -> !url.isBlank());
        if (configured.isPresent()) {
            return URI.create(configured.get());
        }
        if (!mode.demo()) {
            return GraphSettings.MICROSOFT_GRAPH;
        }
        return URI.create("http://" + server.loopbackAuthority() + contextPath + "/sandbox/v1.0");
    }
}
