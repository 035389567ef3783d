package org.m365mcp.sandbox.odata;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Comparator;
import org.m365mcp.sandbox.common.Json;
import org.m365mcp.sandbox.common.SandboxGraphException;

/**
 * {@code $orderby} as a comparator: {@code receivedDateTime desc}, {@code start/dateTime},
 * {@code displayName asc, surname}.
 *
 * <ul>
 *   <li>Numbers compare numerically, booleans false first, everything else as text ignoring case
 *       (ISO dates sort correctly as text); a missing value sorts first, as OData's null does.
 *   <li>Stateless and thread-safe.
 * </ul>
 */
public final class ODataOrder {

    private ODataOrder() {}

    public static Comparator<JsonNode> parse(String orderBy) {
        Comparator<JsonNode> order = null;
        for (String clause : orderBy.split(",")) {
            String[] parts = clause.trim().split("\\s+");
            if (parts.length > 2 || parts[0].isEmpty() || !parts[0].matches("[A-Za-z_@][\\w./@]*")) {
                throw SandboxGraphException.badRequest("Invalid $orderby expression '" + orderBy + "'.");
            }
            String path = parts[0];
            Comparator<JsonNode> one = Comparator.comparing(node -> Json.at(node, path), ODataOrder::compareValues);
            if (parts.length == 2) {
                if (parts[1].equalsIgnoreCase("desc")) {
                    one = one.reversed();
                } else if (!parts[1].equalsIgnoreCase("asc")) {
                    throw SandboxGraphException.badRequest("Invalid $orderby direction '" + parts[1] + "'.");
                }
            }
            order = order == null ? one : order.thenComparing(one);
        }
        return order;
    }

    /** OData's ordering of two values; missing and null are equal and smallest. */
    static int compareValues(JsonNode a, JsonNode b) {
        boolean aNull = a.isMissingNode() || a.isNull();
        boolean bNull = b.isMissingNode() || b.isNull();
        if (aNull || bNull) {
            return Boolean.compare(!aNull, !bNull);
        }
        if (a.isNumber() && b.isNumber()) {
            return Double.compare(a.asDouble(), b.asDouble());
        }
        if (a.isBoolean() && b.isBoolean()) {
            return Boolean.compare(a.asBoolean(), b.asBoolean());
        }
        String x = a.isContainerNode() ? a.toString() : a.asText();
        String y = b.isContainerNode() ? b.toString() : b.asText();
        int ignoringCase = x.compareToIgnoreCase(y);
        return ignoringCase != 0 ? ignoringCase : x.compareTo(y);
    }
}
