package org.m365mcp.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A small Microsoft Graph v1.0 REST client: bearer auth, JSON, paging, throttling retries.
 *
 * <ul>
 *   <li>Thread-safe; one instance serves all accounts (the token is looked up per call).
 *   <li>429/503/504 and I/O failures are retried up to {@link GraphSettings#maxRetries()} times,
 *       waiting {@code Retry-After} seconds when Graph sends it, else an exponential backoff.
 *   <li>Every failure surfaces as {@link GraphException}; bodies and tokens are never logged.
 *   <li>{@code @odata.nextLink} is only followed to the same scheme, host and port as the base
 *       URL, so a token is never sent elsewhere.
 * </ul>
 */
public final class GraphClient {

    private static final System.Logger LOG = System.getLogger(GraphClient.class.getName());

    private final GraphSettings settings;
    private final AccessTokenSource tokens;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();
    private final RetryPolicy retry;

    public GraphClient(GraphSettings settings, AccessTokenSource tokens, HttpClient http) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.http = Objects.requireNonNull(http, "http");
        this.retry = new RetryPolicy(settings.maxRetries());
    }

    /**
     * GETs {@code pathAndQuery} (relative to the base URL, query values unencoded) as JSON.
     *
     * @throws GraphException when Graph answers an error or cannot be reached
     */
    public JsonNode get(String accountId, String pathAndQuery) {
        Objects.requireNonNull(accountId, "accountId");
        return send(accountId, GraphUris.resolve(settings.baseUrl(), pathAndQuery));
    }

    /**
     * GETs a collection and follows {@code @odata.nextLink} until {@code limit} items are
     * collected or Graph has no next page; returns at most {@code limit} items, in Graph's order.
     *
     * @throws IllegalArgumentException when {@code limit} is not positive
     * @throws GraphException when any page fails
     */
    public List<JsonNode> getPaged(String accountId, String pathAndQuery, int limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
        List<JsonNode> items = new ArrayList<>();
        JsonNode page = get(accountId, pathAndQuery);
        while (true) {
            for (JsonNode item : page.path("value")) {
                items.add(item);
                if (items.size() == limit) {
                    return items;
                }
            }
            String next = page.path("@odata.nextLink").asText("");
            if (next.isEmpty()) {
                return items;
            }
            page = send(accountId, sameOrigin(URI.create(next)));
        }
    }

    private JsonNode send(String accountId, URI uri) {
        String token = tokens.accessToken(accountId);
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(settings.requestTimeout())
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json")
                .GET()
                .build();
        for (int attempt = 0; ; attempt++) {
            HttpResponse<byte[]> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                if (!retry.canRetry(attempt)) {
                    throw new GraphException(0, "NetworkError",
                            "Could not reach Microsoft Graph at " + uri.getHost() + ": " + e, e);
                }
                LOG.log(System.Logger.Level.DEBUG, "Graph I/O failure on {0}, retrying", uri.getPath());
                retry.pause(attempt, null);
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new GraphException(0, "Interrupted", "Interrupted while calling Microsoft Graph", e);
            }
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return parse(response.body());
            }
            if (RetryPolicy.isRetryable(status) && retry.canRetry(attempt)) {
                LOG.log(System.Logger.Level.DEBUG, "Graph answered {0} on {1}, retrying",
                        status, uri.getPath());
                retry.pause(attempt, response.headers().firstValue("Retry-After").orElse(null));
                continue;
            }
            throw GraphErrors.toException(json, status, response.body());
        }
    }

    private JsonNode parse(byte[] body) {
        if (body.length == 0) {
            return json.createObjectNode();
        }
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw new GraphException(0, "InvalidResponse", "Microsoft Graph answered with invalid JSON", e);
        }
    }

    private URI sameOrigin(URI next) {
        URI base = settings.baseUrl();
        if (!Objects.equals(base.getScheme(), next.getScheme())
                || !Objects.equals(base.getHost(), next.getHost())
                || base.getPort() != next.getPort()) {
            throw new GraphException(0, "InvalidNextLink",
                    "Refusing to follow @odata.nextLink to another host: " + next.getHost());
        }
        return next;
    }
}
