package org.m365mcp.sandbox.odata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.m365mcp.sandbox.common.SandboxGraphException;

/**
 * {@code $select}: keeps {@code @odata.etag}, {@code @odata.type}, {@code id} and the listed properties.
 *
 * <ul>
 *   <li>A property no item of the collection has is Graph's 400 {@code RequestBroker--ParseUri}.
 *   <li>Stateless and thread-safe.
 * </ul>
 */
public final class ODataSelect {

    private static final List<String> ALWAYS = List.of("@odata.type", "@odata.etag", "id");
    /** Properties (facets) an entity may lack, which {@code $select} may still name. */
    private static final Map<String, Set<String>> OPTIONAL = Map.of(
            "driveItem",
                    Set.of(
                            "file",
                            "folder",
                            "root",
                            "image",
                            "photo",
                            "video",
                            "package",
                            "shared",
                            "remoteItem",
                            "deleted",
                            "parentReference",
                            "description"),
            "event", Set.of("proposedNewTime"));

    private ODataSelect() {}

    /** Throws Graph's 400 when a selected property is not among {@code known} ({@code type} names the entity). */
    public static void requireKnown(List<String> select, Set<String> known, String type) {
        for (String property : select) {
            boolean optional = OPTIONAL.getOrDefault(type, Set.of()).contains(property);
            if (!optional && (!known.contains(property) || property.startsWith("@"))) {
                throw new SandboxGraphException(
                        400,
                        "RequestBroker--ParseUri",
                        "Could not find a property named '" + property + "' on type 'microsoft.graph." + type + "'.");
            }
        }
    }

    /** Every property name the items have, what {@code $select} may name. */
    public static Set<String> propertiesOf(Collection<? extends JsonNode> items) {
        Set<String> names = new HashSet<>();
        items.forEach(item -> item.fieldNames().forEachRemaining(names::add));
        return names;
    }

    /** A copy of {@code full} reduced to {@code select}; {@code full} itself when select is empty. */
    public static ObjectNode apply(ObjectNode full, List<String> select) {
        if (select.isEmpty()) {
            return full;
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        for (String always : ALWAYS) {
            if (full.has(always)) {
                out.set(always, full.get(always));
            }
        }
        for (String property : select) {
            if (full.has(property)) {
                out.set(property, full.get(property));
            }
        }
        return out;
    }
}
