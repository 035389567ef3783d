package org.m365mcp.observability;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.m365mcp.cache.key.ResolvedKey;
import org.m365mcp.cache.lifecycle.EncryptedStore;
import org.m365mcp.cache.store.StoreSummary;

/**
 * Readiness of the encrypted store: UP when it is open and its key reads it (a summary query runs
 * against the file). DOWN when the server runs on its memory tier only: tools still answer, but
 * nothing is cached across restarts, and an operator should know. Never shows the key, only its source.
 * A file set aside (unreadable, unencrypted or damaged) is named with its reason and time, whatever
 * the status: the fresh store in its place is UP, yet its earlier entries are gone.
 */
@Readiness
@ApplicationScoped
public class StoreReadiness implements HealthCheck {

    @Inject
    ApplicationStarted application;

    static final String NAME = "cache-store";

    @Inject
    EncryptedStore encryptedStore;

    @Override
    public HealthCheckResponse call() {
        if (!application.started()) {
            return HealthCheckResponse.named(NAME)
                    .withData("starting", true)
                    .down()
                    .build();
        }
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME);
        encryptedStore
                .key()
                .map(ResolvedKey::source)
                .ifPresent(
                        source -> response.withData("key_source", source.name().toLowerCase(Locale.ROOT)));
        encryptedStore.key().ifPresent(key -> response.withData("survives_restart", key.survivesRestart()));
        if (encryptedStore.store().isEmpty()) {
            return withSetAside(response).withData("opened", false).down().build();
        }
        try {
            // first: a damaged file met here is set aside, and the fresh store answers
            StoreSummary summary = encryptedStore.store().get().apply(store -> store.summary());
            return withSetAside(response)
                    .withData("opened", true)
                    .withData("key_ok", true)
                    .withData("entries", summary.entries())
                    .up()
                    .build();
        } catch (RuntimeException e) {
            // the key was verified when the store opened, and damage replaces the file: this is another failure
            return withSetAside(response)
                    .withData("opened", true)
                    .withData("error", e.getMessage())
                    .down()
                    .build();
        }
    }

    private HealthCheckResponseBuilder withSetAside(HealthCheckResponseBuilder response) {
        encryptedStore
                .setAside()
                .ifPresent(aside -> response.withData(
                                "set_aside", aside.file().getFileName().toString())
                        .withData("set_aside_reason", aside.reason().word())
                        .withData("set_aside_at", aside.at().toString()));
        return response;
    }
}
