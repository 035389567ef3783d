package org.m365mcp.sync.notifications;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Semaphore;

/**
 * Graph's webhook at {@value WebhookUrls#CHANGES} and {@value WebhookUrls#LIFECYCLE}: the one path of this
 * server outside the MCP endpoint's bearer token, since Graph cannot send one. It accepts only what Graph
 * sends.
 *
 * <ul>
 *   <li>{@code POST ?validationToken=…} (the handshake): 200, {@code text/plain}, the token decoded, at
 *       once; a token over {@value #MAX_TOKEN} characters is 400.
 *   <li>{@code POST} with a notification body: always 202 with no body, whatever it holds (Graph wants an
 *       answer within 3 seconds, and a caller learns nothing from it); the body is read up to
 *       {@code m365.mcp.notifications.max-body-bytes} and handed to {@link NotificationIntake}, which never
 *       blocks. A longer body, or one more POST than {@code m365.mcp.notifications.max-concurrent} in hand,
 *       is not handed on, and counted (a longer body is read and dropped up to {@value #DISCARD_FACTOR} times the
 *       limit, then the connection is cut).
 *   <li>Any other method: 405. Answers are {@code no-store} and {@code nosniff}. Thread-safe.
 * </ul>
 */
final class WebhookServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final int MAX_TOKEN = 1024;
    static final int DISCARD_FACTOR = 16;

    private final transient NotificationIntake intake;
    private final transient NotificationCounts counts;
    private final boolean lifecycle;
    private final int maxBodyBytes;
    private final transient Semaphore inHand;

    /**
     * @param lifecycle true for the lifecycle URL, false for the change URL
     * @param inHand the permits of POSTs handled at once, shared by both URLs
     */
    WebhookServlet(
            NotificationIntake intake,
            NotificationCounts counts,
            boolean lifecycle,
            int maxBodyBytes,
            Semaphore inHand) {
        this.intake = Objects.requireNonNull(intake, "intake");
        this.lifecycle = lifecycle;
        this.counts = Objects.requireNonNull(counts, "counts");
        this.maxBodyBytes = maxBodyBytes;
        this.inHand = Objects.requireNonNull(inHand, "inHand");
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        if (!request.getMethod().equals("POST")) {
            response.setHeader("Allow", "POST");
            response.setStatus(405);
            return;
        }
        Optional<String> token = validationToken(request.getQueryString());
        if (token.isPresent()) {
            answerHandshake(token.get(), response);
            return;
        }
        response.setStatus(202);
        if (!inHand.tryAcquire()) {
            counts.reject(Rejection.OVERLOADED);
            return;
        }
        try {
            InputStream in = request.getInputStream();
            byte[] body = request.getContentLengthLong() > maxBodyBytes ? null : read(in);
            if (body == null) {
                counts.reject(Rejection.TOO_LARGE);
                discard(in);
                return;
            }
            intake.accept(body, lifecycle);
        } finally {
            inHand.release();
        }
    }

    private static void answerHandshake(String token, HttpServletResponse response) throws IOException {
        if (token.isEmpty() || token.length() > MAX_TOKEN) {
            response.setStatus(400);
            return;
        }
        response.setStatus(200);
        response.setContentType("text/plain");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(token);
    }

    /** The body, or null when it is longer than the limit. */
    private byte[] read(InputStream in) throws IOException {
        byte[] body = in.readNBytes(maxBodyBytes + 1);
        return body.length > maxBodyBytes ? null : body;
    }

    /**
     * Reads and drops what is left of a body, up to {@value #DISCARD_FACTOR} times the limit, so that the
     * client gets its 202 on a connection that stays usable; a longer body is cut off with the connection.
     */
    private void discard(InputStream in) throws IOException {
        long left = (long) maxBodyBytes * DISCARD_FACTOR;
        byte[] buffer = new byte[8192];
        for (int n = in.read(buffer); n > 0 && left > 0; n = in.read(buffer)) {
            left -= n;
        }
    }

    /** The decoded {@code validationToken} of a raw query, if it has one. */
    static Optional<String> validationToken(String rawQuery) {
        if (rawQuery == null) {
            return Optional.empty();
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.startsWith("validationToken=")) {
                try {
                    return Optional.of(URLDecoder.decode(pair.substring(16), StandardCharsets.UTF_8));
                } catch (IllegalArgumentException e) {
                    return Optional.of("");
                }
            }
        }
        return Optional.empty();
    }
}
