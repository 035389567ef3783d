package org.m365mcp.sandbox.odata;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.m365mcp.sandbox.common.SandboxGraphException;

/**
 * The OData query options the sandbox honours on collections: {@code $top}, {@code $skip},
 * {@code $select}, {@code $orderby}, {@code $filter}, {@code $search}, {@code $count}.
 *
 * <ul>
 *   <li>{@code $top} defaults to the collection's page size and is capped at {@link #MAX_TOP}, as
 *       Graph does for messages; below 1 or not a number is a 400.
 *   <li>{@code select} is empty when every property is wanted; the caller's order, duplicates dropped.
 *   <li>{@code orderBy}, {@code filter} and {@code search} are the raw texts, or {@code null}.
 * </ul>
 */
public record ODataQuery(
        int top, int skip, List<String> select, String orderBy, String filter, String search, boolean count) {

    /** Graph's page size for messages, events and contacts when {@code $top} is absent. */
    public static final int DEFAULT_TOP = 10;

    public static final int MAX_TOP = 1000;

    public ODataQuery {
        select = List.copyOf(new LinkedHashSet<>(select));
    }

    /** Parses decoded query parameters (first value of each name) with Graph's default page size. */
    public static ODataQuery parse(Map<String, String> params) {
        return parse(params, DEFAULT_TOP);
    }

    /** Parses decoded query parameters with {@code defaultTop} as the page size. */
    public static ODataQuery parse(Map<String, String> params, int defaultTop) {
        int top = Math.min(integer(params, "$top", defaultTop, 1), MAX_TOP);
        int skip = integer(params, "$skip", 0, 0);
        List<String> select = new ArrayList<>();
        String selectText = params.get("$select");
        if (selectText != null) {
            Arrays.stream(selectText.split(","))
                    .map(String::trim)
                    .filter(s -> !s.isEmpty())
                    .forEach(select::add);
        }
        String count = params.getOrDefault("$count", "false").trim();
        if (!count.equals("true") && !count.equals("false")) {
            throw SandboxGraphException.badRequest("Invalid value '" + count + "' for query option $count.");
        }
        return new ODataQuery(
                top,
                skip,
                select,
                blankToNull(params.get("$orderby")),
                blankToNull(params.get("$filter")),
                blankToNull(params.get("$search")),
                count.equals("true"));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    private static int integer(Map<String, String> params, String name, int fallback, int min) {
        String text = params.get(name);
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.trim());
            if (value >= min) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below, as Graph does
        }
        throw SandboxGraphException.badRequest("Invalid value '" + text + "' for query option " + name + ".");
    }
}
