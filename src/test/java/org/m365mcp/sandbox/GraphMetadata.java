package org.m365mcp.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Graph v1.0 properties of the types the sandbox answers with, from the extract of Microsoft's
 * v1.0 metadata in {@code src/test/resources/graph-v1.0} (its {@code _source} says which file and
 * commit), and a check of a JSON answer against them.
 *
 * <ul>
 *   <li>A type's properties include its base types' and its navigation properties.</li>
 *   <li>An object's own {@code @odata.type} names its type (a derived type, a search hit's resource);
 *       otherwise the declaring property's type does.</li>
 *   <li>An open type that declares no property ({@code resourceData}, marked {@code "open"} in the
 *       extract) takes any property.</li>
 *   <li>Instance annotations ({@code @odata.etag}, {@code @microsoft.graph.downloadUrl},
 *       {@code name@odata.type}…) are not properties and are not checked.</li>
 * </ul>
 */
final class GraphMetadata {

    private static final String PREFIX = "#microsoft.graph.";

    private final JsonNode types;

    private GraphMetadata(JsonNode types) {
        this.types = types;
    }

    static GraphMetadata load() {
        try (InputStream in = GraphMetadata.class.getResourceAsStream("/graph-v1.0/graph-v1.0-properties.json")) {
            return new GraphMetadata(new ObjectMapper().readTree(in).path("types"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every property of {@code json}, at any depth, that {@code type} (or the type it names) does not declare. */
    List<String> undeclared(JsonNode json, String type) {
        List<String> found = new ArrayList<>();
        walk(json, type, type, found);
        return found;
    }

    /** The declared type of {@code type}'s {@code property}, searching its base types. */
    Optional<String> propertyType(String type, String property) {
        for (JsonNode t = types.path(type);
                !t.isMissingNode();
                t = types.path(t.path("base").asText(""))) {
            JsonNode declared = t.path("properties").path(property);
            if (declared.isTextual()) {
                return Optional.of(declared.asText());
            }
        }
        return Optional.empty();
    }

    private void walk(JsonNode json, String type, String path, List<String> found) {
        String element = type.startsWith("Collection(") ? type.substring(11, type.length() - 1) : type;
        if (json.isArray()) {
            json.forEach(item -> walk(item, element, path + "[]", found));
            return;
        }
        if (!json.isObject()) {
            return;
        }
        String odataType = json.path("@odata.type").asText("");
        String actual = odataType.startsWith(PREFIX) ? odataType.substring(PREFIX.length()) : element;
        if (!types.has(actual)) {
            found.add(path + ": type " + actual + " is not in the extract");
            return;
        }
        boolean open = types.path(actual).path("open").asBoolean(false);
        json.fieldNames().forEachRemaining(name -> {
            if (name.contains("@")) {
                return;
            }
            if (open && propertyType(actual, name).isEmpty()) {
                return; // a property bag (resourceData): Graph declares none and allows any
            }
            Optional<String> declared = propertyType(actual, name);
            if (declared.isEmpty()) {
                found.add(path + "." + name + " (not a v1.0 property of " + actual + ")");
            } else if (!declared.get().startsWith("Edm.") || json.get(name).isObject()) {
                walk(json.get(name), declared.get(), path + "." + name, found);
            }
        });
    }
}
