package org.m365mcp.sandbox.login;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An {@code application/x-www-form-urlencoded} request body, read whatever its {@code Content-Type}
 * header says (clients that post a body without one get the form they meant).
 *
 * <ul>
 *   <li>A name given twice keeps its first value; a blank value counts as missing.
 *   <li>Immutable.
 * </ul>
 */
record FormBody(Map<String, String> fields) {

    FormBody {
        fields = Map.copyOf(fields);
    }

    static FormBody parse(String body) {
        Map<String, String> fields = new HashMap<>();
        if (body != null && !body.isEmpty()) {
            for (String pair : body.split("&")) {
                int equals = pair.indexOf('=');
                String name = decode(equals < 0 ? pair : pair.substring(0, equals));
                String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
                if (!name.isEmpty()) {
                    fields.putIfAbsent(name, value);
                }
            }
        }
        return new FormBody(fields);
    }

    /** The field's value, or null when it is missing or blank. */
    String get(String name) {
        String value = fields.get(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    /**
     * The field's value.
     *
     * @throws LoginException {@code invalid_request} (AADSTS900144) when it is missing or blank
     */
    String required(String name) {
        String value = get(name);
        if (value == null) {
            throw LoginException.missingParameter(name);
        }
        return value;
    }

    /** A space-separated field as a list; empty when the field is missing. */
    List<String> words(String name) {
        String value = get(name);
        return value == null
                ? List.of()
                : Arrays.stream(value.split("\\s+")).filter(w -> !w.isEmpty()).toList();
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
