package org.m365mcp.it;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** The sandbox tenant's admin API: how many Graph requests reached it. */
final class SandboxAdmin {

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI requests;

    SandboxAdmin(URL base) {
        this.requests = URI.create(ItServer.root(base) + "/sandbox/_admin/requests");
    }

    long graphRequests() throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(requests).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Sandbox admin answered " + response.statusCode());
        }
        return new ObjectMapper().readTree(response.body()).path("total").asLong();
    }
}
