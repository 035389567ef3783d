package org.m365mcp.mcp;

import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Answers built by reflection for the output schema check: every record component filled ({@link #full})
 * — one element in each list, one entry in each map, each nested record filled in turn — or every
 * reference component null ({@link #sparse}), as a tool answers when Graph leaves fields out. A record
 * whose constructor refuses a value falls back to the filled one; a record that contains itself stops
 * at its second level with an empty list.
 */
final class AnswerSamples {

    private final boolean sparse;
    private final Deque<Class<?>> path = new ArrayDeque<>();

    private AnswerSamples(boolean sparse) {
        this.sparse = sparse;
    }

    static Object full(Type type) {
        return new AnswerSamples(false).value(type);
    }

    static Object sparse(Type type) {
        return new AnswerSamples(true).value(type);
    }

    private Object value(Type type) {
        Class<?> raw = raw(type);
        if (raw == String.class) {
            return "text";
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return true;
        }
        if (raw == int.class || raw == Integer.class) {
            return 1;
        }
        if (raw == long.class || raw == Long.class) {
            return 1L;
        }
        if (raw == double.class || raw == Double.class) {
            return 1.5;
        }
        if (raw == float.class || raw == Float.class) {
            return 1.5f;
        }
        if (raw == BigDecimal.class) {
            return BigDecimal.ONE;
        }
        if (raw.isEnum()) {
            return raw.getEnumConstants()[raw.getEnumConstants().length - 1];
        }
        if (raw == Instant.class) {
            return Instant.parse("2026-12-07T10:15:30Z");
        }
        if (raw == LocalDate.class) {
            return LocalDate.of(2026, 12, 7);
        }
        if (raw == LocalDateTime.class) {
            return LocalDateTime.of(2026, 12, 7, 10, 15);
        }
        if (raw == LocalTime.class) {
            return LocalTime.of(10, 15);
        }
        if (raw == OffsetDateTime.class) {
            return OffsetDateTime.of(2026, 12, 7, 10, 15, 0, 0, ZoneOffset.UTC);
        }
        if (raw == ZonedDateTime.class) {
            return ZonedDateTime.of(2026, 12, 7, 10, 15, 0, 0, ZoneOffset.UTC);
        }
        if (raw == Duration.class) {
            return Duration.ofSeconds(90);
        }
        if (raw == com.fasterxml.jackson.databind.JsonNode.class) {
            return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance
                    .objectNode()
                    .put("any", "value");
        }
        if (raw == Object.class) {
            return Map.of("any", "value");
        }
        if (List.class.isAssignableFrom(raw) || raw == Collection.class) {
            return path.contains(raw(argument(type, 0))) ? List.of() : List.of(value(argument(type, 0)));
        }
        if (Set.class.isAssignableFrom(raw)) {
            return Set.of(value(argument(type, 0)));
        }
        if (Map.class.isAssignableFrom(raw)) {
            return Map.of(value(argument(type, 0)), value(argument(type, 1)));
        }
        if (raw.isArray()) {
            Object array = Array.newInstance(raw.getComponentType(), 1);
            Array.set(array, 0, value(raw.getComponentType()));
            return array;
        }
        if (raw.isRecord()) {
            return record(raw);
        }
        throw new IllegalStateException("No sample for " + type.getTypeName() + "; teach AnswerSamples");
    }

    private Object record(Class<?> type) {
        path.push(type);
        try {
            RecordComponent[] components = type.getRecordComponents();
            Object[] filled = new Object[components.length];
            Object[] thin = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                filled[i] = value(components[i].getGenericType());
                thin[i] = components[i].getType().isPrimitive() ? filled[i] : null;
            }
            Constructor<?> constructor = type.getDeclaredConstructor(java.util.Arrays.stream(components)
                    .map(RecordComponent::getType)
                    .toArray(Class<?>[]::new));
            constructor.setAccessible(true);
            if (sparse) {
                try {
                    return constructor.newInstance(thin);
                } catch (InvocationTargetException refused) {
                    // the record requires some values: fall back to the filled answer
                }
            }
            return constructor.newInstance(filled);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot build a sample " + type.getName(), e);
        } finally {
            path.pop();
        }
    }

    private static Type argument(Type type, int index) {
        Type argument = ((ParameterizedType) type).getActualTypeArguments()[index];
        return argument instanceof WildcardType wildcard ? wildcard.getUpperBounds()[0] : argument;
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> raw) {
            return raw;
        }
        if (type instanceof ParameterizedType parameterized) {
            return (Class<?>) parameterized.getRawType();
        }
        throw new IllegalStateException("No sample for " + type.getTypeName() + "; teach AnswerSamples");
    }
}
