package org.m365mcp.graph;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpResponse.BodySubscribers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.Optional;

/**
 * Sends one {@link GraphRequest} to one URL until there is a final answer: a mailbox permit around
 * each exchange, a fresh bearer token per attempt, retries as {@link RetryPolicy} allows, errors
 * mapped to {@link GraphException}.
 *
 * <ul>
 *   <li>With an account: {@code Authorization} and {@code Accept: application/json} are sent and
 *       the exchange holds one of the account's {@link MailboxPermits}. Without one (a
 *       pre-authenticated URL): neither header and no permit.
 *   <li>The permit is taken after the token is fetched and given back before any wait, so a
 *       throttled call never keeps its account's other calls waiting.
 *   <li>2xx and 3xx are answers, never followed; the {@code HttpClient} must not follow redirects.
 *   <li>A 2xx body is read into memory ({@link #send}) or streamed to a file ({@link #download});
 *       error bodies are always read into memory, so they never land in a download.
 *   <li>Thread-safe.
 * </ul>
 */
final class GraphTransport {

    private static final System.Logger LOG = System.getLogger(GraphTransport.class.getName());

    private final GraphSettings settings;
    private final AccessTokenSource tokens;
    private final HttpClient http;
    private final RetryPolicy retry;
    private final MailboxPermits permits;
    private final ObjectMapper json = new ObjectMapper();

    GraphTransport(GraphSettings settings, AccessTokenSource tokens, HttpClient http) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.http = Objects.requireNonNull(http, "http");
        if (http.followRedirects() != HttpClient.Redirect.NEVER) {
            // A followed redirect would carry the bearer token to the pre-authenticated download host.
            throw new IllegalArgumentException("The HttpClient must not follow redirects (Redirect.NEVER)");
        }
        this.retry = new RetryPolicy(settings.maxRetries());
        this.permits = new MailboxPermits(settings.maxConcurrentPerMailbox());
    }

    /** Sends {@code request} to {@code uri} as {@code accountId}, or unauthenticated when it is {@code null}. */
    GraphResponse send(String accountId, GraphRequest request, URI uri) {
        HttpResponse<Body<byte[]>> response = sendUntilAnswered(accountId, request, uri, BodyHandlers.ofByteArray());
        Body<byte[]> body = response.body();
        return new GraphResponse(response.statusCode(), body.success() != null ? body.success() : body.other(),
                location(uri, response));
    }

    /**
     * Sends the GET {@code request} to {@code uri} as {@code accountId} and streams a 2xx body into
     * {@code target} (created, or truncated when it exists), never holding it in memory.
     *
     * @return the number of bytes written
     * @throws GraphException on an error answer (nothing is written to {@code target}), a redirect, or
     *         when {@code target} cannot be written; after a failure mid-body {@code target} may hold
     *         part of it
     */
    long download(String accountId, GraphRequest request, URI uri, Path target) {
        HttpResponse<Body<Path>> response = sendUntilAnswered(accountId, request, uri, BodyHandlers.ofFile(target,
                StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING));
        if (response.body().success() == null) {
            throw new GraphException(response.statusCode(), "UnexpectedRedirect",
                    "Graph answered " + response.statusCode() + " with a redirect where content was expected");
        }
        try {
            return Files.size(target);
        } catch (IOException e) {
            throw new GraphException(0, "LocalFileError", "Could not read back the downloaded file: " + e, e);
        }
    }

    /**
     * The retry loop every call shares: a 2xx body is read with {@code success}, any other into
     * memory (Graph's error JSON, the empty body of a redirect); an error answer becomes a
     * {@link GraphException} once it may not or need not be retried.
     */
    private <T> HttpResponse<Body<T>> sendUntilAnswered(String accountId, GraphRequest request, URI uri,
            BodyHandler<T> success) {
        BodyHandler<Body<T>> handler = Body.handler(success);
        for (int attempt = 0; ; attempt++) {
            HttpResponse<Body<T>> response;
            try {
                response = exchange(accountId, request, uri, handler);
            } catch (IOException e) {
                if (!RetryPolicy.isRetryableAfterFailure(request) || !retry.canRetry(attempt)) {
                    throw new GraphException(0, "NetworkError", "Could not reach " + uri.getHost() + ": " + e, e);
                }
                LOG.log(System.Logger.Level.DEBUG, "I/O failure on {0} {1}, retrying", request.method(), uri.getPath());
                retry.pause(attempt, null);
                continue;
            }
            int status = response.statusCode();
            if (status < 400) {
                return response;
            }
            if (RetryPolicy.isRetryable(status, request) && retry.canRetry(attempt)) {
                LOG.log(System.Logger.Level.DEBUG, "{0} on {1} {2}, retrying", status, request.method(), uri.getPath());
                retry.pause(attempt, response.headers().firstValue("Retry-After").orElse(null));
                continue;
            }
            throw GraphErrors.toException(json, status, response.body().other());
        }
    }

    private <T> HttpResponse<T> exchange(String accountId, GraphRequest request, URI uri, BodyHandler<T> handler)
            throws IOException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(settings.requestTimeout())
                .method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        if (accountId != null) {
            builder.header("Authorization", "Bearer " + tokens.accessToken(accountId))
                    .header("Accept", "application/json");
        }
        if (request.body() != null) {
            builder.header("Content-Type", request.contentType());
        }
        request.headers().forEach(builder::setHeader);
        HttpRequest built = builder.build();
        try (MailboxPermits.Permit permit = accountId == null ? () -> { } : permits.acquire(accountId)) {
            return http.send(built, handler);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GraphException(0, "Interrupted", "Interrupted while calling Microsoft Graph", e);
        }
    }

    /** A body read as {@code success} for a 2xx, or as bytes ({@code other}) for anything else. */
    private record Body<T>(T success, byte[] other) {

        static <T> BodyHandler<Body<T>> handler(BodyHandler<T> success) {
            return info -> info.statusCode() / 100 == 2
                    ? BodySubscribers.mapping(success.apply(info), body -> new Body<>(body, null))
                    : BodySubscribers.mapping(BodySubscribers.ofByteArray(), bytes -> new Body<>(null, bytes));
        }
    }

    private static Optional<URI> location(URI requested, HttpResponse<?> response) {
        try {
            return response.headers().firstValue("Location").map(requested::resolve);
        } catch (IllegalArgumentException e) {
            // Never quote the value: a download URL carries its own credential.
            throw new GraphException(response.statusCode(), "InvalidResponse", "Graph sent an invalid Location header", e);
        }
    }
}
