package org.m365mcp.graph;

import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * Turns a caller's {@code path?query} into a correctly encoded absolute Graph URI.
 *
 * <ul>
 *   <li>Callers pass values raw ({@code $filter=isRead eq false}); {@code &} separates
 *       parameters and the first {@code =} separates a name from its value, so neither is escaped
 *       by the caller nor by us. Every other byte outside RFC 3986's safe set is percent-encoded:
 *       a space becomes {@code %20} (never {@code +}), {@code +} becomes {@code %2B}, {@code %}
 *       becomes {@code %25}, non-ASCII is UTF-8 encoded.
 *   <li>OData's {@code $} and the punctuation Graph expects literally ({@code , ' ( ) : @ / !})
 *       are kept as they are.
 *   <li>Stateless and thread-safe.
 * </ul>
 */
final class GraphUris {

    private static final String UNRESERVED = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";
    private static final String PATH_SAFE = UNRESERVED + "$,'()*:@/!=+;";
    private static final String QUERY_SAFE = UNRESERVED + "$,'()*:@/!?";

    private GraphUris() {}

    /** Resolves {@code pathAndQuery} (with or without a leading slash) against {@code base}. */
    static URI resolve(URI base, String pathAndQuery) {
        if (pathAndQuery == null || pathAndQuery.isBlank()) {
            throw new IllegalArgumentException("pathAndQuery must not be blank");
        }
        String relative = pathAndQuery.startsWith("/") ? pathAndQuery : "/" + pathAndQuery;
        int q = relative.indexOf('?');
        String path = q < 0 ? relative : relative.substring(0, q);
        StringBuilder out = new StringBuilder(base.toString());
        out.append(encode(path, PATH_SAFE));
        if (q >= 0 && q < relative.length() - 1) {
            out.append('?').append(encodeQuery(relative.substring(q + 1)));
        }
        return URI.create(out.toString());
    }

    private static String encodeQuery(String query) {
        StringBuilder out = new StringBuilder();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            if (out.length() > 0) {
                out.append('&');
            }
            int eq = pair.indexOf('=');
            if (eq < 0) {
                out.append(encode(pair, QUERY_SAFE));
            } else {
                out.append(encode(pair.substring(0, eq), QUERY_SAFE))
                        .append('=')
                        .append(encode(pair.substring(eq + 1), QUERY_SAFE + "="));
            }
        }
        return out.toString();
    }

    static String encode(String text, String safe) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if (b >= 0 && safe.indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%')
                        .append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
            }
        }
        return out.toString();
    }
}
