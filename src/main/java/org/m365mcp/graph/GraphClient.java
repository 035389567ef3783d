package org.m365mcp.graph;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/**
 * A small Microsoft Graph v1.0 REST client: bearer auth, JSON, every verb, paging, throttling.
 *
 * <ul>
 *   <li>Thread-safe; one instance serves all accounts (the token is looked up per attempt).
 *   <li>At most {@link GraphSettings#maxConcurrentPerMailbox()} requests per account are in
 *       flight; accounts do not wait for each other.
 *   <li>429 and 503 are retried for every verb, 504 and I/O failures only for GET, PUT and DELETE
 *       ({@link GraphClientRequest#isIdempotent()}), up to {@link GraphSettings#maxRetries()} times,
 *       waiting {@code Retry-After} seconds when Graph sends it, else an exponential backoff.
 *   <li>One deadline per call ({@link GraphSettings#callDeadline()}) bounds everything a call waits
 *       for: each request's timeout, the wait for a mailbox permit, and every retry's wait. A
 *       {@code Retry-After} that would end past it fails the call at once, saying when to retry.
 *       A call is one method of this client, or everything run in {@link #withinDeadline(Callable)}
 *       on one thread (a tool call), and on threads it hands its {@link #currentDeadline()} to.
 *   <li>Redirects are never followed: a 3xx is answered with its {@code Location}, and the token is
 *       only ever sent to the base URL's origin ({@code @odata.nextLink} elsewhere is refused).
 *   <li>Every failure surfaces as {@link GraphException}; bodies and tokens are never logged nor
 *       put in a message.
 * </ul>
 */
public final class GraphClient {

    private final GraphSettings settings;
    private final GraphTransport transport;
    private final ThreadDeadlines deadlines;

    /**
     * @param http must not follow redirects ({@link HttpClient.Redirect#NEVER}, the JDK's default)
     * @throws IllegalArgumentException when {@code http} follows redirects
     */
    public GraphClient(GraphSettings settings, AccessTokenSource tokens, HttpClient http) {
        this(settings, tokens, http, Clock.systemUTC());
    }

    /** As above, reading deadlines from {@code clock}. */
    public GraphClient(GraphSettings settings, AccessTokenSource tokens, HttpClient http, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.transport = new GraphTransport(settings, tokens, http, clock);
        this.deadlines = new ThreadDeadlines(settings.callDeadline(), clock);
    }

    /**
     * Runs {@code call} as one call: every Graph request it makes on this thread shares one deadline,
     * {@link GraphSettings#callDeadline()} from now, or the deadline of a call already running here.
     */
    public <T> T withinDeadline(Callable<T> call) throws Exception {
        return deadlines.within(call);
    }

    /**
     * Runs {@code call} on this thread under {@code at}, a {@link #currentDeadline()} taken on the
     * thread that handed the work over; the thread's own deadline, if any, is restored after.
     */
    public <T> T withinDeadline(Instant at, Supplier<T> call) {
        return deadlines.within(at, call);
    }

    /** The deadline of the call running on this thread, to hand to threads it fans out to; empty outside one. */
    public Optional<Instant> currentDeadline() {
        return deadlines.current();
    }

    /** The service root every path is resolved against, e.g. {@code https://graph.microsoft.com/v1.0}. */
    public URI baseUrl() {
        return settings.baseUrl();
    }

    /**
     * Sends {@code request} as {@code accountId}: the general form behind the shortcuts below, for
     * extra headers, raw uploads, and the status or {@code Location} of an answer.
     *
     * @return Graph's 2xx or 3xx answer
     * @throws GraphException when Graph answers an error or cannot be reached
     */
    public GraphResponse send(String accountId, GraphClientRequest request) {
        Objects.requireNonNull(accountId, "accountId");
        return transport.send(
                accountId, request, GraphUris.resolve(settings.baseUrl(), request.pathAndQuery()), deadlines.next());
    }

    /**
     * GETs {@code pathAndQuery} (relative to the base URL, query values unencoded) as JSON.
     *
     * @throws GraphException when Graph answers an error or a redirect, or cannot be reached
     */
    public JsonNode get(String accountId, String pathAndQuery) {
        return json(send(accountId, GraphClientRequest.get(pathAndQuery)));
    }

    /**
     * POSTs {@code body} as JSON (none when {@code null}); Graph's JSON answer, an empty object for
     * 202/204 (use {@link #send} for the {@code Location} of a 202). Never retried once sent.
     */
    public JsonNode post(String accountId, String pathAndQuery, JsonNode body) {
        return json(send(accountId, GraphClientRequest.post(pathAndQuery, body)));
    }

    /** PATCHes {@code body} as JSON; Graph's JSON answer, an empty object for 204. Never retried once sent. */
    public JsonNode patch(String accountId, String pathAndQuery, JsonNode body) {
        return json(send(accountId, GraphClientRequest.patch(pathAndQuery, body)));
    }

    /**
     * DELETEs {@code pathAndQuery}; Graph answers 204. Retried after an I/O failure, so a 404 may
     * mean that an earlier attempt had deleted it.
     */
    public void delete(String accountId, String pathAndQuery) {
        send(accountId, GraphClientRequest.delete(pathAndQuery));
    }

    /**
     * GETs a collection and follows {@code @odata.nextLink} until {@code limit} items are collected or
     * Graph has no next page; returns at most {@code limit} items, in Graph's order.
     *
     * @throws GraphException when any page fails
     */
    public List<JsonNode> getPaged(String accountId, String pathAndQuery, int limit) {
        return getPaged(accountId, GraphClientRequest.get(pathAndQuery), limit);
    }

    /** As {@link #getPaged(String, String, int)}, sending {@code request}'s headers with every page. */
    public List<JsonNode> getPaged(String accountId, GraphClientRequest request, int limit) {
        return getPaged(accountId, request, limit, read -> {});
    }

    /**
     * As above, telling {@code pageRead} how many items are collected after each page but the last, before
     * the next is asked for; what it throws ends the paging (a cancelled call stops there). GETs only.
     */
    public List<JsonNode> getPaged(String accountId, GraphClientRequest request, int limit, IntConsumer pageRead) {
        if (limit <= 0 || !request.method().equals("GET")) {
            throw new IllegalArgumentException("Only a GET is paged, up to a positive limit: " + request);
        }
        CallDeadline pages = deadlines.next();
        List<JsonNode> items = new ArrayList<>();
        JsonNode page = json(transport.send(
                accountId, request, GraphUris.resolve(settings.baseUrl(), request.pathAndQuery()), pages));
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
            pageRead.accept(items.size());
            page = json(transport.send(accountId, request, sameOrigin(URI.create(next)), pages));
        }
    }

    /**
     * GETs an absolute link Graph handed out ({@code @odata.nextLink}, {@code @odata.deltaLink}) as
     * JSON, with {@code request}'s headers; the link must be on the base URL's origin, as for paging.
     *
     * @throws GraphException when Graph answers an error or a redirect, cannot be reached, or the
     *         link points elsewhere
     */
    public JsonNode getLink(String accountId, String link, GraphClientRequest request) {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(link, "link");
        return json(transport.send(accountId, request, sameOrigin(URI.create(link)), deadlines.next()));
    }

    /**
     * GETs {@code pathAndQuery}'s raw content (e.g. {@code /me/messages/{id}/attachments/{aid}/$value})
     * and streams it into {@code target}, created or truncated, without holding it in memory. Token,
     * mailbox permit, retries and error mapping are those of every other call.
     *
     * <ul>
     *   <li>An error answer writes nothing to {@code target}; a retried I/O failure starts it over.
     *   <li>After a failure {@code target} may exist and hold part of the content: download into a
     *       temporary file and move it into place.
     * </ul>
     *
     * @return the number of bytes written
     * @throws GraphException when Graph answers an error or a redirect, cannot be reached, or
     *         {@code target} cannot be written
     */
    public long download(String accountId, String pathAndQuery, Path target) {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(target, "target");
        return transport.download(
                accountId,
                GraphClientRequest.get(pathAndQuery).header("Accept", "*/*"),
                GraphUris.resolve(settings.baseUrl(), pathAndQuery),
                target,
                deadlines.next());
    }

    /**
     * The pre-authenticated URL Graph redirects {@code pathAndQuery} to, e.g. for
     * {@code /me/drive/items/{id}/content}; the redirect is not followed. Fetch it with
     * {@link #getPreAuthenticated(URI)}; it carries its own short-lived credential, so do not log it.
     *
     * @throws GraphException when Graph answers an error, or anything but a redirect
     */
    public URI downloadUrl(String accountId, String pathAndQuery) {
        GraphResponse response = send(accountId, GraphClientRequest.get(pathAndQuery));
        if (!response.isRedirect() || response.location().isEmpty()) {
            throw new GraphException(
                    response.status(),
                    "NoRedirect",
                    "Expected Graph to redirect to a download URL; it answered " + response.status());
        }
        return response.location().get();
    }

    /**
     * GETs an absolute URL Graph handed out that needs no token, e.g. a copy monitor or a download
     * URL, on whatever host it lives: no {@code Authorization} is sent and no mailbox permit taken.
     * Retried like any GET.
     *
     * @throws IllegalArgumentException when {@code url} is not an absolute http(s) URL
     * @throws GraphException when the URL answers an error or cannot be reached
     */
    public GraphResponse getPreAuthenticated(URI url) {
        return transport.send(null, GraphClientRequest.get(preAuthenticated(url).getRawPath()), url, deadlines.next());
    }

    /**
     * PUTs {@code content} to an absolute URL Graph handed out that needs no token, e.g. a byte range
     * to an upload session's {@code uploadUrl}, with {@code headers} such as {@code Content-Range}
     * ({@code Content-Length} is the body's). No {@code Authorization} is sent (an upload session
     * answers one with 401) and no mailbox permit taken. Retried like any PUT: 429 and 503, 504 and
     * I/O failures; the caller resumes from what the server says it has after anything else.
     *
     * @throws IllegalArgumentException when {@code url} is not an absolute http(s) URL
     * @throws GraphException when the URL answers an error (e.g. 416 for a range it did not expect)
     *         or cannot be reached
     */
    public GraphResponse putPreAuthenticated(URI url, byte[] content, Map<String, String> headers) {
        GraphClientRequest put =
                GraphClientRequest.put(preAuthenticated(url).getRawPath(), content, "application/octet-stream");
        for (Map.Entry<String, String> header : headers.entrySet()) {
            put = put.header(header.getKey(), header.getValue());
        }
        return transport.send(null, put, url, deadlines.next());
    }

    /**
     * DELETEs an absolute URL Graph handed out that needs no token, e.g. to cancel an upload session.
     *
     * @throws IllegalArgumentException when {@code url} is not an absolute http(s) URL
     * @throws GraphException when the URL answers an error or cannot be reached
     */
    public void deletePreAuthenticated(URI url) {
        transport.send(null, GraphClientRequest.delete(preAuthenticated(url).getRawPath()), url, deadlines.next());
    }

    private static URI preAuthenticated(URI url) {
        String scheme = url.getScheme();
        if (!url.isAbsolute() || !("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme))) {
            throw new IllegalArgumentException("Expected an absolute http(s) URL");
        }
        return url;
    }

    private static JsonNode json(GraphResponse response) {
        if (response.isRedirect()) {
            throw new GraphException(
                    response.status(),
                    "UnexpectedRedirect",
                    "Graph answered " + response.status() + " with a redirect where JSON was expected");
        }
        return response.json();
    }

    private URI sameOrigin(URI next) {
        URI base = settings.baseUrl();
        if (!Objects.equals(base.getScheme(), next.getScheme())
                || !Objects.equals(base.getHost(), next.getHost())
                || base.getPort() != next.getPort()) {
            throw new GraphException(
                    0, "InvalidNextLink", "Refusing to follow @odata.nextLink to another host: " + next.getHost());
        }
        return next;
    }
}
