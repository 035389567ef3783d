package org.m365mcp.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.function.Predicate;

/** The sandbox tenant's admin API (with the IT server's bearer token): how many Graph requests reached it, and injected faults. */
final class SandboxAdmin {

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI requests;
    private final URI faults;

    SandboxAdmin(URL base) {
        this.requests = URI.create(ItServer.root(base) + "/sandbox/_admin/requests");
        this.faults = URI.create(ItServer.root(base) + "/sandbox/_admin/faults");
    }

    /**
     * The Graph requests the sandbox served, except {@code /subscriptions}: the server's own change
     * notification subscriptions are made when it starts and on lifecycle events, at moments no test
     * chooses, and are no part of what a cached read costs.
     */
    long graphRequests() throws IOException, InterruptedException {
        JsonNode counts = counts();
        long subscriptions = 0;
        for (var entry : (Iterable<java.util.Map.Entry<String, JsonNode>>) counts.path("byPath")::fields) {
            if (entry.getKey().startsWith("/v1.0/subscriptions")) {
                subscriptions += entry.getValue().asLong();
            }
        }
        return counts.path("total").asLong() - subscriptions;
    }

    /** Requests the sandbox served for {@code graphPath}, e.g. {@code /me/sendMail}. */
    long graphRequests(String graphPath) throws IOException, InterruptedException {
        return counts().path("byPath").path("/v1.0" + graphPath).asLong();
    }

    /** Requests the sandbox served below {@code prefix} of its own paths, e.g. {@code /upload/} (upload sessions). */
    long requestsUnder(String prefix) throws IOException, InterruptedException {
        return requestsWhere(path -> path.startsWith(prefix));
    }

    /** Requests the sandbox served for paths ending with {@code suffix}, e.g. {@code /children} (folder listings). */
    long requestsEndingWith(String suffix) throws IOException, InterruptedException {
        return requestsWhere(path -> path.endsWith(suffix));
    }

    private long requestsWhere(Predicate<String> path) throws IOException, InterruptedException {
        long total = 0;
        for (var entry : (Iterable<java.util.Map.Entry<String, JsonNode>>) counts().path("byPath")::fields) {
            if (path.test(entry.getKey())) {
                total += entry.getValue().asLong();
            }
        }
        return total;
    }

    /** Adds a fault rule (sandbox.md, "Test controls"), e.g. a 504 for one request to a path. */
    void addFault(String ruleJson) throws IOException, InterruptedException {
        check(http.send(
                request(faults)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(ruleJson))
                        .build(),
                HttpResponse.BodyHandlers.ofString()));
    }

    void clearFaults() throws IOException, InterruptedException {
        check(http.send(request(faults).DELETE().build(), HttpResponse.BodyHandlers.ofString()));
    }

    /** The most Graph requests of {@code account} the sandbox served at once since the last {@link #resetRequests}. */
    long maxInFlight(String account) throws IOException, InterruptedException {
        return counts().path("maxInFlight").path(account).asLong();
    }

    void resetRequests() throws IOException, InterruptedException {
        check(http.send(request(requests).DELETE().build(), HttpResponse.BodyHandlers.ofString()));
    }

    /** Latency added to every Graph request, in milliseconds (0 for none). */
    void latency(int millis) throws IOException, InterruptedException {
        URI latency = URI.create(requests.toString().replace("/requests", "/latency"));
        check(http.send(
                request(latency)
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString("{\"ms\":" + millis + "}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString()));
    }

    private static HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + ItServer.TOKEN);
    }

    private JsonNode counts() throws IOException, InterruptedException {
        HttpResponse<String> response =
                check(http.send(request(requests).GET().build(), HttpResponse.BodyHandlers.ofString()));
        return new ObjectMapper().readTree(response.body());
    }

    private static HttpResponse<String> check(HttpResponse<String> response) {
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("Sandbox admin answered " + response.statusCode());
        }
        return response;
    }
}
