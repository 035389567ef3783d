package org.m365mcp.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the change notification ITs share: another client's Graph call as {@code demo2}, and a sample of {@code /metrics}. */
final class NotificationItSupport {

    private static final String DEMO2_TOKEN = "sandbox-demo2-token";

    private NotificationItSupport() {}

    /** A call straight on the sandbox's Graph below {@code root} with {@code demo2}'s own token: "another client". */
    static void asDemo2(HttpClient http, URI root, String method, String graphPath, String body) throws Exception {
        HttpResponse<String> answer = http.send(
                HttpRequest.newBuilder(URI.create(root + "/sandbox/v1.0" + graphPath))
                        .header("Authorization", "Bearer " + DEMO2_TOKEN)
                        .header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isLessThan(300);
    }

    /** The first {@code /metrics} sample of the server on {@code port} named {@code name} whose labels contain every one given; 0 if none. */
    static double metric(HttpClient http, int port, String name, String... labels) throws Exception {
        String body = http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        Matcher matcher = Pattern.compile("^" + Pattern.quote(name) + "\\{([^}]*)\\}\\s+(\\S+)", Pattern.MULTILINE)
                .matcher(body);
        while (matcher.find()) {
            String found = matcher.group(1);
            if (Arrays.stream(labels).allMatch(found::contains)) {
                return Double.parseDouble(matcher.group(2));
            }
        }
        return 0;
    }
}
