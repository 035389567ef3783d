package org.m365mcp.sandbox.common;

import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a sandbox resource needs of the HTTP request, without a JAX-RS runtime.
 *
 * <ul>
 *   <li>{@code serviceRoot} is the sandbox's {@code …/v1.0} URL; {@code requestUri} the absolute URI
 *       of the request, from which next links are built.
 *   <li>{@code params} holds the first decoded value of each query parameter; header names are
 *       matched case-insensitively.
 * </ul>
 */
public record GraphRequest(URI serviceRoot, URI requestUri, Map<String, String> params, Map<String, String> headers) {

    public GraphRequest {
        Objects.requireNonNull(serviceRoot, "serviceRoot");
        Objects.requireNonNull(requestUri, "requestUri");
        params = Map.copyOf(params);
        TreeMap<String, String> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        byName.putAll(headers);
        headers = java.util.Collections.unmodifiableMap(byName);
    }

    /** A request with no headers, for tests and internal calls. */
    public static GraphRequest of(URI serviceRoot, URI requestUri, Map<String, String> params) {
        return new GraphRequest(serviceRoot, requestUri, params, Map.of());
    }

    public Optional<String> param(String name) {
        return Optional.ofNullable(params.get(name));
    }

    /** A request header's first value, its name matched ignoring case (e.g. {@code ConsistencyLevel}). */
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name));
    }

    /** The sandbox's root above {@code v1.0}, where unauthenticated helper URLs (monitors, downloads) live. */
    public URI sandboxRoot() {
        String root = serviceRoot.toString();
        return URI.create(root.substring(0, root.length() - "/v1.0".length()));
    }

    /** {@code serviceRoot + "/$metadata#" + fragment}, Graph's {@code @odata.context}. */
    public String context(String fragment) {
        return serviceRoot + "/$metadata#" + fragment;
    }
}
