package org.m365mcp.sandbox;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import org.m365mcp.sandbox.common.SandboxGraphException;

/**
 * The sandbox's side of webhook delivery: which notification URLs it accepts, the validation
 * handshake, and posting a notification.
 *
 * <ul>
 *   <li>Graph requires HTTPS; the sandbox also accepts plain HTTP to a loopback address
 *       ({@code 127.0.0.0/8}, {@code ::1}, {@code localhost}), which is where the demo's own webhook
 *       listens. Any other {@code http} URL is 400.
 *   <li>Handshake (change-notifications-delivery-webhooks.md): {@code POST {url}?validationToken=…} with
 *       {@code Content-Type: text/plain}; the endpoint must answer 200, {@code text/plain}, the token as
 *       the body, within 10 seconds, else 400 {@code InvalidRequest}.
 *   <li>Redirects are not followed. Thread-safe.
 * </ul>
 */
final class Webhooks {

    static final Duration VALIDATION_TIMEOUT = Duration.ofSeconds(10);
    /** Graph publishes notifications with a 3-second timeout. */
    static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(3);

    private final HttpClient http;
    private final SecureRandom random = new SecureRandom();

    Webhooks(HttpClient http) {
        this.http = http;
    }

    /** Checks {@code url}'s form: absolute, https, or http to loopback. */
    static URI acceptable(String url, String property) {
        URI uri;
        try {
            uri = new URI(url == null ? "" : url.trim());
        } catch (URISyntaxException e) {
            throw invalid("The " + property + " '" + url + "' is not a valid URL.");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http") && isLoopback(uri.getHost()))) {
            throw invalid("The " + property
                    + " must be an absolute HTTPS URL (the sandbox also takes http to a loopback" + " address).");
        }
        return uri;
    }

    /** Runs the handshake against {@code url}; throws Graph's 400 when it fails. */
    void validate(URI url) {
        String token = "Validation: " + Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes());
        String query = "validationToken=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        URI target = URI.create(url + (url.getRawQuery() == null ? "?" : "&") + query);
        try {
            HttpResponse<String> answer = http.send(
                    HttpRequest.newBuilder(target)
                            .timeout(VALIDATION_TIMEOUT)
                            .header("Content-Type", "text/plain; charset=utf-8")
                            .POST(HttpRequest.BodyPublishers.noBody())
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            boolean plain = answer.headers()
                    .firstValue("Content-Type")
                    .orElse("")
                    .toLowerCase(Locale.ROOT)
                    .startsWith("text/plain");
            if (answer.statusCode() == 200 && plain && answer.body().equals(token)) {
                return;
            }
        } catch (IOException e) {
            // answered below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw invalid("Subscription validation request failed. Notification endpoint must respond with 200 OK to"
                + " validation request.");
    }

    /** Posts {@code json} to {@code url}; true when it answered 2xx within the delivery timeout. */
    boolean post(String url, String json) {
        try {
            return http.send(
                                            HttpRequest.newBuilder(URI.create(url))
                                                    .timeout(DELIVERY_TIMEOUT)
                                                    .header("Content-Type", "application/json")
                                                    .POST(HttpRequest.BodyPublishers.ofString(json))
                                                    .build(),
                                            HttpResponse.BodyHandlers.discarding())
                                    .statusCode()
                            / 100
                    == 2;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private byte[] randomBytes() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return bytes;
    }

    private static boolean isLoopback(String host) {
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (bare.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!bare.matches("[0-9.]+|[0-9a-fA-F:]+")) {
            return false; // a name: never resolved here
        }
        try {
            return InetAddress.getByName(bare).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static SandboxGraphException invalid(String message) {
        return new SandboxGraphException(400, "InvalidRequest", message);
    }
}
