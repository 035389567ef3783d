package org.m365mcp.mcp;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.m365mcp.config.AccountIds;

/**
 * Turns the JSON arguments of a tool call into the Java arguments of its method.
 *
 * <ul>
 *   <li>Unknown, missing, mistyped and out-of-range arguments raise {@link ToolArgumentException}
 *       naming the argument.</li>
 *   <li>Numbers and booleans sent as strings ({@code "50"}, {@code "true"}) are accepted: several
 *       assistants send them so.</li>
 *   <li>A list parameter takes an array of strings, or one string as a one-element list. A list or
 *       boxed parameter whose default is {@code ""} is {@code null} when left out.</li>
 *   <li>{@code account_id} is bound in its canonical form ({@link AccountIds}), so the tool, its cache
 *       key and its answer all see one spelling whatever the client sent; control and invisible
 *       characters in it are an argument error.</li>
 * </ul>
 */
final class ArgumentBinder {

    /** The parameter every tool that acts for one account takes. */
    static final String ACCOUNT_ID = "account_id";

    Object[] bind(ToolMethod tool, Map<String, Object> arguments) {
        Map<String, Object> given = arguments == null ? Map.of() : arguments;
        List<ToolParameter> parameters = tool.parameters();
        rejectUnknown(tool, parameters, given);
        Object[] values = new Object[parameters.size()];
        for (int i = 0; i < values.length; i++) {
            ToolParameter parameter = parameters.get(i);
            Object raw = given.get(parameter.jsonName());
            if (raw == null) {
                if (parameter.required()) {
                    throw new ToolArgumentException(parameter.jsonName(), "is required");
                }
                values[i] = convert(parameter, parameter.defaultValue().orElseThrow());
            } else {
                values[i] = convert(parameter, raw);
            }
        }
        return values;
    }

    private static void rejectUnknown(ToolMethod tool, List<ToolParameter> parameters, Map<String, Object> given) {
        for (String name : given.keySet()) {
            if (parameters.stream().noneMatch(p -> p.jsonName().equals(name))) {
                String expected =
                        parameters.stream().map(ToolParameter::jsonName).collect(Collectors.joining(", "));
                throw new ToolArgumentException(
                        name, "is not a parameter of " + tool.name() + " (expected: " + expected + ")");
            }
        }
    }

    Object convert(ToolParameter parameter, Object raw) {
        Class<?> type = parameter.type();
        if (parameter.isOptionalWithoutValue() && "".equals(raw)) {
            return null;
        }
        if (parameter.isList()) {
            return list(parameter, raw);
        }
        if (type == String.class) {
            if (raw instanceof String text) {
                return parameter.jsonName().equals(ACCOUNT_ID) ? accountId(parameter, text) : text;
            }
            throw mistyped(parameter, "a string", raw);
        }
        if (parameter.isInteger()) {
            long value = wholeNumber(parameter, raw);
            if (value < parameter.min() || value > parameter.max()) {
                throw new ToolArgumentException(
                        parameter.jsonName(),
                        "must be between " + parameter.min() + " and " + parameter.max() + ", got " + value);
            }
            boolean isInt = type == int.class || type == Integer.class;
            if (isInt && (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE)) {
                throw mistyped(parameter, "a 32-bit integer", raw);
            }
            return isInt ? (Object) (int) value : (Object) value;
        }
        if (type == boolean.class || type == Boolean.class) {
            if (raw instanceof Boolean flag) {
                return flag;
            }
            if (raw instanceof String text && (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false"))) {
                return Boolean.parseBoolean(text);
            }
            throw mistyped(parameter, "true or false", raw);
        }
        if (type == double.class || type == Double.class) {
            return number(parameter, raw).doubleValue();
        }
        throw new IllegalStateException("Unsupported tool parameter type " + type.getName());
    }

    private static String accountId(ToolParameter parameter, String text) {
        try {
            return AccountIds.canonical(text);
        } catch (IllegalArgumentException e) {
            throw new ToolArgumentException(parameter.jsonName(), e.getMessage());
        }
    }

    private static List<String> list(ToolParameter parameter, Object raw) {
        if (raw instanceof String text) {
            return List.of(text);
        }
        if (raw instanceof List<?> items) {
            List<String> strings = new ArrayList<>(items.size());
            for (Object item : items) {
                if (!(item instanceof String text)) {
                    throw mistyped(parameter, "an array of strings", raw);
                }
                strings.add(text);
            }
            return List.copyOf(strings);
        }
        throw mistyped(parameter, "an array of strings", raw);
    }

    private static long wholeNumber(ToolParameter parameter, Object raw) {
        BigDecimal number = number(parameter, raw);
        try {
            return number.stripTrailingZeros().longValueExact();
        } catch (ArithmeticException notWhole) {
            throw mistyped(parameter, "a whole number", raw);
        }
    }

    private static BigDecimal number(ToolParameter parameter, Object raw) {
        try {
            if (raw instanceof Number number) {
                return new BigDecimal(number.toString());
            }
            if (raw instanceof String text) {
                return new BigDecimal(text.trim());
            }
        } catch (NumberFormatException notANumber) {
            // reported below with the value the client sent
        }
        throw mistyped(parameter, "a number", raw);
    }

    private static ToolArgumentException mistyped(ToolParameter parameter, String expected, Object raw) {
        String shown = raw instanceof String ? "\"" + abbreviate((String) raw) + "\"" : abbreviate(String.valueOf(raw));
        return new ToolArgumentException(parameter.jsonName(), "must be " + expected + ", got " + shown);
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
