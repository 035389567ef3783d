package org.m365mcp.cache.annotation;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import java.util.logging.Logger;

/**
 * Removes Payara's own JSR-107 interceptors and producer from this deployment, so that
 * {@code @CacheResult} means the tiered cache, exactly once per call.
 *
 * <p>Payara Micro adds {@code fish.payara.cdi.jsr107.*} (Hazelcast-backed) to every deployment and
 * registers the JSR-107 annotations as interceptor bindings; we keep the bindings and veto the types.
 */
public class PayaraJsr107Veto implements Extension {

    private static final Logger LOG = Logger.getLogger(PayaraJsr107Veto.class.getName());
    static final String PAYARA_JSR107_PACKAGE = "fish.payara.cdi.jsr107";

    <T> void veto(@Observes ProcessAnnotatedType<T> event) {
        Class<T> type = event.getAnnotatedType().getJavaClass();
        if (type.getName().startsWith(PAYARA_JSR107_PACKAGE + ".")) {
            event.veto();
            LOG.fine(() -> "Vetoed " + type.getName() + ": @CacheResult is served by the tiered cache");
        }
    }
}
