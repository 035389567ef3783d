package org.m365mcp.observability;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.m365mcp.graph.auth.SignIn;

/**
 * Readiness of the Graph side: which tenant (the built-in sandbox or Microsoft's), and whether
 * sign-in is available (the sign-in service was set up; the signed-in account count is shown).
 * No account signed in is still UP: a user can sign in with {@code account_authenticate}. Contacts
 * no remote service, so a slow network never makes the server look unready.
 */
@Readiness
@ApplicationScoped
public class GraphReadiness implements HealthCheck {

    @Inject
    ApplicationStarted application;

    static final String NAME = "graph";

    @Inject
    Instance<SignIn> signIn;

    private volatile SignIn service;
    private volatile String failure;

    /**
     * Resolves the sign-in service while the application starts, on a thread of the application:
     * Payara runs health checks on threads of its own, where creating it (its producer takes
     * container resources) is not possible.
     */
    void resolve(
            @Observes @Priority(Interceptor.Priority.PLATFORM_AFTER) @Initialized(ApplicationScoped.class)
                    Object started) {
        try {
            SignIn resolved = signIn.get();
            resolved.sandbox();
            service = resolved;
        } catch (RuntimeException e) {
            failure = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    @Override
    public HealthCheckResponse call() {
        if (!application.started()) {
            return HealthCheckResponse.named(NAME)
                    .withData("starting", true)
                    .down()
                    .build();
        }
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME);
        SignIn resolved = service;
        if (resolved == null) {
            return response.withData("sign_in_available", false)
                    .withData("error", failure == null ? "not resolved" : failure)
                    .down()
                    .build();
        }
        return response.withData("mode", resolved.sandbox() ? "sandbox" : "microsoft")
                .withData("sign_in_available", true)
                .withData("accounts", resolved.accounts().size())
                .up()
                .build();
    }
}
