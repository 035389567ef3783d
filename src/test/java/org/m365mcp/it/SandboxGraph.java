package org.m365mcp.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * The IT server's sandbox Graph API called straight with an account's own sandbox token: another client
 * of that mailbox and drive, whose changes this server learns of only from Graph.
 */
final class SandboxGraph {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI root;
    private final String token;

    private SandboxGraph(URL base, String token) {
        this.root = URI.create(ItServer.root(base) + "/sandbox/v1.0");
        this.token = token;
    }

    /** Another client of {@code demo2} (the account the writing ITs use). */
    static SandboxGraph demo2(URL base) {
        return new SandboxGraph(base, "sandbox-demo2-token");
    }

    JsonNode get(String graphPath) throws IOException, InterruptedException {
        return send("GET", graphPath, null);
    }

    JsonNode patch(String graphPath, String json) throws IOException, InterruptedException {
        return send("PATCH", graphPath, json);
    }

    /** A simple upload ({@code PUT …/content}) of {@code text}, e.g. new content for a file. */
    JsonNode putText(String graphPath, String text) throws IOException, InterruptedException {
        return send("PUT", graphPath, text, "text/plain");
    }

    private JsonNode send(String method, String graphPath, String json) throws IOException, InterruptedException {
        return send(method, graphPath, json, "application/json");
    }

    private JsonNode send(String method, String graphPath, String body, String contentType)
            throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(
                HttpRequest.newBuilder(URI.create(root + graphPath))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", contentType)
                        .method(
                                method,
                                body == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() / 100 != 2) {
            throw new IllegalStateException(method + " " + graphPath + " answered " + answer.statusCode());
        }
        return JSON.readTree(answer.body());
    }
}
