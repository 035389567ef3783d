package org.m365mcp.cache.entries;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.Config;
import org.m365mcp.config.DurationText;

/**
 * Fresh and stale TTLs per operation (SPEC §2) from MicroProfile Config:
 * {@code m365.mcp.cache.ttl.<operation>.fresh} / {@code .stale}, falling back to
 * {@code m365.mcp.cache.ttl.default.*}. Defaults live in {@code META-INF/microprofile-config.properties};
 * environment variables such as {@code M365_MCP_CACHE_TTL_EMAIL_LIST_FRESH=5m} override them.
 */
@ApplicationScoped
public class CacheTtlSettings {

    static final String PREFIX = "m365.mcp.cache.ttl.";

    @Inject
    Config config;

    private final Map<String, TtlPolicy> policies = new ConcurrentHashMap<>();

    public TtlPolicy policy(String operation) {
        return policies.computeIfAbsent(
                operation,
                op -> new TtlPolicy(
                        DurationText.parse(PREFIX + op + ".fresh", value(op, "fresh")),
                        DurationText.parse(PREFIX + op + ".stale", value(op, "stale"))));
    }

    private String value(String operation, String which) {
        return config.getOptionalValue(PREFIX + operation + "." + which, String.class)
                .orElseGet(() -> config.getValue(PREFIX + "default." + which, String.class));
    }
}
