package org.m365mcp.mcp;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.ser.BeanPropertyWriter;
import com.fasterxml.jackson.databind.ser.PropertyWriter;
import com.fasterxml.jackson.databind.ser.std.BeanSerializerBase;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Derives a tool's {@code outputSchema} (JSON Schema 2020-12, the MCP default, so no {@code $schema})
 * from its method's return type, as the answer {@link ObjectMapper} writes that type.
 *
 * <ul>
 *   <li>Property names and the set of properties come from the mapper's own bean serializer, so naming
 *       strategy, records and any getter Jackson picks up are exactly what is written.</li>
 *   <li>Nulls are left out of answers, so only primitive properties are {@code required}.</li>
 *   <li>Compact on purpose (it costs client context on every {@code tools/list}): types, properties,
 *       required, items and enum values only; no descriptions, formats or titles; and, as the tools
 *       publish it ({@link #TOP_LEVEL}), the answer's own fields only — a listed message or event is
 *       {@code {"type":"object"}}, its fields are in docs/tools.md and the tool descriptions;
 *       {@code additionalProperties} left open everywhere, so a new answer field is a compatible change.</li>
 *   <li>A record that contains itself (a folder tree) is defined once under {@code $defs} and referred to;
 *       every other type is written inline.</li>
 *   <li>A type it cannot describe (not a bean, not a known JSON scalar) fails when the server starts.</li>
 * </ul>
 */
final class OutputSchemaFactory {

    /** Describes the answer's own fields only: what the tools publish (issue 17's ≤ 250 tokens a tool). */
    static final int TOP_LEVEL = 1;

    /** Describes every object in the answer, at any depth. */
    static final int ALL_LEVELS = Integer.MAX_VALUE;

    private final ObjectMapper json;
    private final int depth;

    /**
     * @param depth how many levels of objects are described: {@link #TOP_LEVEL} gives the answer's own
     *     fields, and any object below them is {@code {"type":"object"}}; {@link #ALL_LEVELS} all of them
     */
    OutputSchemaFactory(ObjectMapper json, int depth) {
        this.json = json;
        this.depth = depth;
    }

    /**
     * The schema of what a method returning {@code type} answers.
     *
     * @throws IllegalStateException when the answer is not a JSON object or holds a type it cannot describe
     */
    Map<String, Object> schemaOf(Type type) {
        JavaType root = json.getTypeFactory().constructType(type);
        Walk first = new Walk(root, Set.of());
        Map<String, Object> schema = first.schema(root);
        if (!first.recursive.isEmpty()) {
            Walk second = new Walk(root, first.recursive);
            schema = second.schema(root);
            if (!second.definitions.isEmpty()) {
                schema.put("$defs", second.definitions);
            }
        }
        if (!"object".equals(schema.get("type"))) {
            throw new IllegalStateException("A tool answer must be a JSON object, not " + root.toCanonical());
        }
        return schema;
    }

    /** One pass over a return type; {@code referenced} are the beans written once under {@code $defs}. */
    private final class Walk {
        private final JavaType root;
        private final Set<Class<?>> referenced;
        private final Set<Class<?>> recursive = new HashSet<>();
        private final Map<String, Object> definitions = new LinkedHashMap<>();
        private final Deque<Class<?>> path = new ArrayDeque<>();

        Walk(JavaType root, Set<Class<?>> referenced) {
            this.root = root;
            this.referenced = referenced;
        }

        Map<String, Object> schema(JavaType type) {
            Class<?> raw = type.getRawClass();
            if (type.isPrimitive() || raw.isEnum() || scalar(raw) != null) {
                return leaf(type);
            }
            if (JsonNode.class.isAssignableFrom(raw) || raw == Object.class) {
                return new LinkedHashMap<>();
            }
            if (type.isArrayType() || type.isCollectionLikeType()) {
                return ordered("type", "array", "items", schema(type.getContentType()));
            }
            if (type.isMapLikeType()) {
                return ordered("type", "object", "additionalProperties", schema(type.getContentType()));
            }
            return bean(type);
        }

        private Map<String, Object> bean(JavaType type) {
            Class<?> raw = type.getRawClass();
            if (path.isEmpty()) {
                return properties(type);
            }
            if (path.size() >= depth) {
                serializer(type); // still refuses a type no schema could describe, at start-up
                return ordered("type", "object");
            }
            if (raw == root.getRawClass()) {
                recursive.add(raw);
                return ordered("$ref", "#");
            }
            String reference = "#/$defs/" + raw.getSimpleName();
            if (path.contains(raw)) {
                recursive.add(raw);
            }
            if (!referenced.contains(raw)) {
                return path.contains(raw) ? ordered("$ref", reference) : properties(type);
            }
            if (!definitions.containsKey(raw.getSimpleName())) {
                definitions.put(raw.getSimpleName(), Map.of());
                definitions.put(raw.getSimpleName(), properties(type));
            }
            return ordered("$ref", reference);
        }

        private Map<String, Object> properties(JavaType type) {
            path.push(type.getRawClass());
            Map<String, Object> properties = new LinkedHashMap<>();
            List<String> required = new ArrayList<>();
            for (Iterator<PropertyWriter> it = serializer(type).properties(); it.hasNext(); ) {
                PropertyWriter property = it.next();
                JavaType propertyType = ((BeanPropertyWriter) property).getType();
                properties.put(property.getName(), schema(propertyType));
                if (propertyType.isPrimitive()) {
                    required.add(property.getName());
                }
            }
            path.pop();
            Map<String, Object> schema = ordered("type", "object", "properties", properties);
            if (!required.isEmpty()) {
                schema.put("required", required);
            }
            return schema;
        }

        private BeanSerializerBase serializer(JavaType type) {
            try {
                JsonSerializer<Object> serializer =
                        json.getSerializerProviderInstance().findValueSerializer(type);
                if (serializer instanceof BeanSerializerBase bean) {
                    return bean;
                }
            } catch (JsonMappingException e) {
                throw new IllegalStateException("No JSON serializer for " + type.toCanonical(), e);
            }
            throw new IllegalStateException("No output schema for " + type.toCanonical()
                    + ": neither a record nor a JSON scalar the schema knows");
        }
    }

    private Map<String, Object> leaf(JavaType type) {
        Class<?> raw = type.getRawClass();
        if (raw.isEnum()) {
            List<String> values = Arrays.stream(raw.getEnumConstants())
                    .map(constant -> json.valueToTree(constant).asText())
                    .toList();
            return ordered("type", "string", "enum", values);
        }
        return ordered("type", scalar(type.isPrimitive() ? boxed(raw) : raw));
    }

    /** The JSON type the mapper writes a scalar Java type as, or null when it is not a scalar. */
    private String scalar(Class<?> raw) {
        if (raw == String.class || raw == Character.class || raw == UUID.class || raw == byte[].class) {
            return "string";
        }
        if (raw == Boolean.class) {
            return "boolean";
        }
        if (raw == Integer.class
                || raw == Long.class
                || raw == Short.class
                || raw == Byte.class
                || raw == BigInteger.class) {
            return "integer";
        }
        if (raw == Double.class || raw == Float.class || raw == BigDecimal.class) {
            return "number";
        }
        if (raw == Duration.class) {
            return json.isEnabled(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS) ? "number" : "string";
        }
        if (TemporalAccessor.class.isAssignableFrom(raw) || raw == java.time.ZoneId.class) {
            return json.isEnabled(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS) ? null : "string";
        }
        return null;
    }

    private static Class<?> boxed(Class<?> primitive) {
        return primitive == boolean.class
                ? Boolean.class
                : primitive == char.class
                        ? Character.class
                        : primitive == double.class || primitive == float.class ? Double.class : Long.class;
    }

    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
