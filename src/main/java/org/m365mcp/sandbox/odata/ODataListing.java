package org.m365mcp.sandbox.odata;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.m365mcp.sandbox.common.GraphRequest;
import org.m365mcp.sandbox.common.Json;
import org.m365mcp.sandbox.common.SandboxGraphException;
import org.m365mcp.sandbox.common.TextQuery;

/**
 * Answers a Graph collection GET: {@code $filter}, {@code $search}, {@code $orderby}, {@code $count},
 * then one page with {@code $select} applied and an {@code @odata.nextLink} while more remain.
 *
 * <ul>
 *   <li>{@code items} come in the collection's default order and are not modified.
 *   <li>{@code $search} needs {@code searchable}; a collection without it answers 400, and
 *       {@code $search} with {@code $orderby} is 400 as on Graph's messages.
 *   <li>Immutable and thread-safe.
 * </ul>
 *
 * @param type            the entity type without namespace, e.g. {@code message}, for error messages
 * @param contextFragment what follows {@code $metadata#} in {@code @odata.context}
 * @param defaultTop      the page size when {@code $top} is absent
 * @param searchable      the properties {@code $search} looks at, or {@code null} when unsupported
 */
public record ODataListing(String type, String contextFragment, int defaultTop, TextQuery.Fields searchable) {

    public ODataListing {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(contextFragment, "contextFragment");
    }

    public ObjectNode page(List<ObjectNode> items, GraphRequest request) {
        ODataQuery query = ODataQuery.parse(request.params(), defaultTop);
        if (!items.isEmpty()) {
            ODataSelect.requireKnown(query.select(), ODataSelect.propertiesOf(items), type);
        }
        List<ObjectNode> matching = new ArrayList<>(items);
        if (query.filter() != null) {
            matching.removeIf(ODataFilter.parse(query.filter()).negate());
        }
        if (query.search() != null) {
            if (searchable == null) {
                throw SandboxGraphException.badRequest("$search is not supported on this collection.");
            }
            if (query.orderBy() != null) {
                throw new SandboxGraphException(
                        400, "ErrorInvalidUrlQuery", "The query parameter '$orderBy' is not supported with '$search'.");
            }
            TextQuery text = TextQuery.parse(query.search());
            matching.removeIf(item -> !text.matches(item, searchable));
        }
        if (query.orderBy() != null) {
            matching.sort(ODataOrder.parse(query.orderBy()));
        }
        String context = request.context(
                contextFragment + (query.select().isEmpty() ? "" : "(" + String.join(",", query.select()) + ")"));
        return ODataPage.of(
                matching, query, context, request.requestUri(), item -> ODataSelect.apply(item, query.select()));
    }

    /** One entity of this collection, {@code $select} applied, with {@code @odata.context} first. */
    public ObjectNode single(ObjectNode entity, GraphRequest request) {
        List<String> select = ODataQuery.parse(request.params()).select();
        ODataSelect.requireKnown(select, ODataSelect.propertiesOf(List.of(entity)), type);
        ObjectNode out = Json.object();
        out.put("@odata.context", request.context(contextFragment + "/$entity"));
        out.setAll(ODataSelect.apply(entity, select));
        return out;
    }
}
