package org.m365mcp.observability;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
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

    @Override
    public HealthCheckResponse call() {
        if (!application.started()) {
            return HealthCheckResponse.named(NAME).withData("starting", true).down().build();
        }
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME);
        try {
            SignIn service = signIn.get();
            return response.withData("mode", service.sandbox() ? "sandbox" : "microsoft")
                    .withData("sign_in_available", true)
                    .withData("accounts", service.accounts().size())
                    .up().build();
        } catch (RuntimeException e) {
            return response.withData("sign_in_available", false).withData("error", e.getClass().getSimpleName())
                    .down().build();
        }
    }
}
