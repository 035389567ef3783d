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
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Sends one {@link GraphClientRequest} to one URL until there is a final answer: a mailbox permit around
 * each exchange, a fresh bearer token per attempt, retries as {@link RetryPolicy} allows, errors
 * mapped to {@link GraphException}.
 *
 * <ul>
 *   <li>With an account: {@code Authorization} and {@code Accept: application/json} are sent and
 *       the exchange holds one of the account's {@link MailboxPermits}. Without one (a
 *       pre-authenticated URL): neither header and no permit.
 *   <li>The permit is taken after the token is fetched and given back before any wait, so a
 *       throttled call never keeps its account's other calls waiting.
 *   <li>Everything waits within the call's {@link CallDeadline}: each exchange's timeout is the
 *       shorter of the request timeout and the time left, the wait for a permit ends with it, and a
 *       retry whose wait would end past it is not made: the call fails at once, saying when to retry.
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
    private final Clock clock;

    GraphTransport(GraphSettings settings, AccessTokenSource tokens, HttpClient http, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
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
    GraphResponse send(String accountId, GraphClientRequest request, URI uri, CallDeadline deadline) {
        HttpResponse<Body<byte[]>> response =
                sendUntilAnswered(accountId, request, uri, BodyHandlers.ofByteArray(), deadline);
        Body<byte[]> body = response.body();
        return new GraphResponse(
                response.statusCode(), body.success() != null ? body.success() : body.other(), location(uri, response));
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
    long download(String accountId, GraphClientRequest request, URI uri, Path target, CallDeadline deadline) {
        HttpResponse<Body<Path>> response = sendUntilAnswered(
                accountId,
                request,
                uri,
                BodyHandlers.ofFile(
                        target,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING),
                deadline);
        if (response.body().success() == null) {
            throw new GraphException(
                    response.statusCode(),
                    "UnexpectedRedirect",
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
    private <T> HttpResponse<Body<T>> sendUntilAnswered(
            String accountId, GraphClientRequest request, URI uri, BodyHandler<T> success, CallDeadline deadline) {
        BodyHandler<Body<T>> handler = Body.handler(success);
        for (int attempt = 0; ; attempt++) {
            Duration left = deadline.left(clock);
            if (left.isNegative() || left.isZero()) {
                throw deadline.passed(request);
            }
            HttpResponse<Body<T>> response;
            try {
                response = exchange(accountId, request, uri, handler, deadline);
            } catch (IOException e) {
                retryAfterFailure(request, uri, attempt, deadline, e);
                continue;
            }
            int status = response.statusCode();
            if (status < 400) {
                return response;
            }
            if (RetryPolicy.isRetryable(status, request) && retry.canRetry(attempt)) {
                Duration wait = RetryPolicy.delay(
                        attempt, response.headers().firstValue("Retry-After").orElse(null));
                if (!deadline.allows(clock, wait)) {
                    throw deadline.outlastedBy(
                            GraphErrors.toException(
                                    json, status, response.body().other()),
                            wait);
                }
                LOG.log(System.Logger.Level.DEBUG, "{0} on {1} {2}, retrying", status, request.method(), uri.getPath());
                retry.pause(wait);
                continue;
            }
            throw GraphErrors.toException(json, status, response.body().other());
        }
    }

    /** Waits before another attempt after {@code failure}, or throws it as a network error when none may follow. */
    private void retryAfterFailure(
            GraphClientRequest request, URI uri, int attempt, CallDeadline deadline, IOException failure) {
        Duration wait = RetryPolicy.delay(attempt, null);
        if (!RetryPolicy.isRetryableAfterFailure(request)
                || !retry.canRetry(attempt)
                || !deadline.allows(clock, wait)) {
            throw new GraphException(
                    0, GraphException.NETWORK_ERROR, "Could not reach " + uri.getHost() + ": " + failure, failure);
        }
        LOG.log(System.Logger.Level.DEBUG, "I/O failure on {0} {1}, retrying", request.method(), uri.getPath());
        retry.pause(wait);
    }

    /**
     * One exchange under its permit. Its timeout is the request timeout, or the time left once the
     * permit is held when the deadline comes first; then a timeout is the deadline passing.
     */
    private <T> HttpResponse<T> exchange(
            String accountId, GraphClientRequest request, URI uri, BodyHandler<T> handler, CallDeadline deadline)
            throws IOException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .method(
                        request.method(),
                        request.body() == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        if (accountId != null) {
            builder.header("Authorization", "Bearer " + tokens.accessToken(accountId))
                    .header("Accept", "application/json");
        }
        if (request.body() != null) {
            builder.header("Content-Type", request.contentType());
        }
        request.headers().forEach(builder::setHeader);
        try (MailboxPermits.Permit permit = accountId == null ? () -> {} : permit(accountId, deadline)) {
            Duration left = deadline.left(clock);
            if (left.isNegative() || left.isZero()) {
                throw deadline.passed(request);
            }
            boolean deadlineFirst = left.compareTo(settings.requestTimeout()) < 0;
            try {
                return http.send(
                        builder.timeout(deadlineFirst ? left : settings.requestTimeout())
                                .build(),
                        handler);
            } catch (HttpTimeoutException e) {
                if (deadlineFirst) {
                    throw deadline.passed(request);
                }
                throw e;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GraphException(0, "Interrupted", "Interrupted while calling Microsoft Graph", e);
        }
    }

    /** One of {@code accountId}'s permits, waiting no longer than the deadline allows. */
    private MailboxPermits.Permit permit(String accountId, CallDeadline deadline) {
        return permits.acquire(accountId, deadline.left(clock))
                .orElseThrow(() -> deadline.passedWaitingForSlot(settings.maxConcurrentPerMailbox()));
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
            throw new GraphException(
                    response.statusCode(), "InvalidResponse", "Graph sent an invalid Location header", e);
        }
    }
}
