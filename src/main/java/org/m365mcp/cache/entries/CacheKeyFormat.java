package org.m365mcp.cache.entries;

import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.m365mcp.config.Sha256;

/**
 * The cache key of SPEC §3: {@code operation:account_id:params}.
 *
 * <ul>
 *   <li>Params are sorted by name and joined as {@code k=v&k=v}; null values are left out.</li>
 *   <li>A params string longer than 100 characters is replaced by the first 16 hex digits of its
 *       SHA-256, so the {@code operation:account_id:} prefix — what invalidation patterns match on —
 *       always stays readable.</li>
 * </ul>
 */
public final class CacheKeyFormat {

    static final int MAX_PARAMS_LENGTH = 100;

    private CacheKeyFormat() {
    }

    public static String key(String operation, String accountId, Map<String, ?> params) {
        String joined = new TreeMap<>(params).entrySet().stream()
                .filter(entry -> entry.getValue() != null)
                .map(entry -> entry.getKey() + "=" + entry.getValue())
                .collect(Collectors.joining("&"));
        String shown = joined.length() > MAX_PARAMS_LENGTH
                ? HexFormat.of().formatHex(Sha256.of(joined)).substring(0, 16) : joined;
        return operation + ":" + accountId + ":" + shown;
    }
}
