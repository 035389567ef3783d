package org.m365mcp.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The sandbox tenant in demo mode sits behind the MCP endpoint's Origin/Host rules (403 / 421), and its
 * test controls ({@code /sandbox/_admin}) behind the bearer token the IT server requires (401).
 * Graph itself keeps answering the server's own Graph client and the tests (the other ITs).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SandboxGuardIT {

    private static final String DEMO_TOKEN = "sandbox-demo-token";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ItServer.war();
    }

    @ArquillianResource
    URL base;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void graph_foreignOrigin_403() throws Exception {
        HttpResponse<String> answer = get("/sandbox/v1.0/me", "Bearer " + DEMO_TOKEN, "https://evil.example");

        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(answer.body()).doesNotContain("adele.vance");
    }

    @Test
    void graph_loopbackOriginAndDemoToken_200() throws Exception {
        HttpResponse<String> answer = get("/sandbox/v1.0/me", "Bearer " + DEMO_TOKEN, "http://localhost:3000");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("adele.vance@contoso.sandbox");
    }

    @Test
    void graphAndAdmin_nonLoopbackHost_421() throws Exception {
        assertThat(ItServer.rawStatus(base, "/sandbox/v1.0/me", "evil.example:" + base.getPort(), false))
                .isEqualTo(421);
        assertThat(ItServer.rawStatus(base, "/sandbox/_admin/requests", "evil.example:" + base.getPort(), true))
                .isEqualTo(421);
    }

    @Test
    void admin_withoutOrWithWrongToken_401_withTheToken_200() throws Exception {
        HttpResponse<String> none = get("/sandbox/_admin/requests", null, null);
        HttpResponse<String> wrong = get("/sandbox/_admin/faults", "Bearer not-the-token", null);
        HttpResponse<String> right = get("/sandbox/_admin/requests", "Bearer " + ItServer.TOKEN, null);

        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(none.body()).doesNotContain("byPath");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(right.statusCode()).isEqualTo(200);
        assertThat(right.body()).contains("byPath");
    }

    @Test
    void admin_demoModeGraphTokenIsNotTheServersToken_401() throws Exception {
        assertThat(get("/sandbox/_admin/latency", "Bearer " + DEMO_TOKEN, null).statusCode())
                .isEqualTo(401);
    }

    private HttpResponse<String> get(String path, String authorization, String origin) throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(ItServer.root(base) + path)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (origin != null) {
            request.header("Origin", origin);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
