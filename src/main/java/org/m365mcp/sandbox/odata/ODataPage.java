package org.m365mcp.sandbox.odata;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.List;
import java.util.function.Function;

/**
 * Cuts one page out of a collection the way Graph pages: {@code $skip}/{@code $top} and an
 * absolute {@code @odata.nextLink} that repeats the request with {@code $skip} advanced.
 *
 * <ul>
 *   <li>The next link keeps every other query parameter of the request as it was encoded, except
 *       that a name's {@code %24} is written back as {@code $}.
 *   <li>No next link on the last page. Stateless and thread-safe.
 * </ul>
 */
public final class ODataPage {

    private ODataPage() {}

    /** Builds {@code {"@odata.context", "@odata.count"?, "@odata.nextLink"?, "value"}} for {@code all}, already ordered. */
    public static <T> ObjectNode of(
            List<T> all, ODataQuery query, String context, URI requestUri, Function<T, ObjectNode> render) {
        ObjectNode page = JsonNodeFactory.instance.objectNode();
        page.put("@odata.context", context);
        if (query.count()) {
            page.put("@odata.count", all.size());
        }
        int from = Math.min(query.skip(), all.size());
        int to = (int) Math.min((long) from + query.top(), all.size());
        if (to < all.size()) {
            page.put("@odata.nextLink", nextLink(requestUri, to).toString());
        }
        var value = page.putArray("value");
        all.subList(from, to).forEach(item -> value.add(render.apply(item)));
        return page;
    }

    /** {@code requestUri} with any {@code $skip} replaced by {@code $skip=nextSkip}. */
    public static URI nextLink(URI requestUri, int nextSkip) {
        StringBuilder query = new StringBuilder();
        String raw = requestUri.getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                // Some runtimes hand back the request URI with '$' re-encoded; Graph writes it bare.
                String canonical = pair.regionMatches(true, 0, "%24", 0, 3) ? "$" + pair.substring(3) : pair;
                if (canonical.isEmpty() || canonical.split("=", 2)[0].equals("$skip")) {
                    continue;
                }
                query.append(canonical).append('&');
            }
        }
        query.append("$skip=").append(nextSkip);
        String base = requestUri.toString();
        int q = base.indexOf('?');
        return URI.create((q < 0 ? base : base.substring(0, q)) + "?" + query);
    }
}
