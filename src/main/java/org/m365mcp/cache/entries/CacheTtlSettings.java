package org.m365mcp.cache.entries;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.Config;
import org.m365mcp.config.DurationText;

/**
 * Fresh and stale TTLs per operation (SPEC §2) from MicroProfile Config:
 * {@code m365.mcp.cache.ttl.<operation>.fresh} / {@code .stale}, falling back to
 * {@code m365.mcp.cache.ttl.default.*}; and how long past them Graph's failure may still be answered
 * from the cache ({@code m365.mcp.cache.max-stale-if-error}). Defaults live in {@code META-INF/microprofile-config.properties};
 * environment variables such as {@code M365_MCP_CACHE_TTL_EMAIL_LIST_FRESH=5m} override them.
 */
@ApplicationScoped
public class CacheTtlSettings {

    static final String PREFIX = "m365.mcp.cache.ttl.";
    static final String MAX_STALE_IF_ERROR = "m365.mcp.cache.max-stale-if-error";

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

    /**
     * How long past its stale end an entry may still answer a read that Graph failed (stale-if-error);
     * {@link Duration#ZERO} (setting {@code 0}) turns it off. The store keeps expired entries that long.
     */
    public Duration maxStaleIfError() {
        return maxStaleIfError(config.getValue(MAX_STALE_IF_ERROR, String.class));
    }

    /** The setting's text as a duration: {@code 24h}, {@code PT30M}, or {@code 0} (off); never negative. */
    static Duration maxStaleIfError(String text) {
        String trimmed = text.trim();
        Duration max = "0".equals(trimmed) ? Duration.ZERO : DurationText.parse(MAX_STALE_IF_ERROR, trimmed);
        if (max.isNegative()) {
            throw new IllegalArgumentException(
                    "Configuration " + MAX_STALE_IF_ERROR + " must not be negative: '" + trimmed + "'");
        }
        return max;
    }

    private String value(String operation, String which) {
        return config.getOptionalValue(PREFIX + operation + "." + which, String.class)
                .orElseGet(() -> config.getValue(PREFIX + "default." + which, String.class));
    }
}
