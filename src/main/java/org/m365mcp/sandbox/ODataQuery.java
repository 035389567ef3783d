package org.m365mcp.sandbox;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The OData query options the sandbox honours on collections: {@code $top}, {@code $skip},
 * {@code $select}, {@code $orderby}.
 *
 * <ul>
 *   <li>{@code $top} defaults to {@link #DEFAULT_TOP} and is capped at {@link #MAX_TOP}, as Graph does
 *       for messages; below 1 or not a number is a 400.
 *   <li>{@code select} is empty when every property is wanted; the caller's order, duplicates dropped.
 *   <li>Only {@code receivedDateTime} ordering is supported ({@code desc} is the default).
 * </ul>
 */
record ODataQuery(int top, int skip, List<String> select, boolean newestFirst) {

    static final int DEFAULT_TOP = 10;
    static final int MAX_TOP = 1000;

    ODataQuery {
        select = List.copyOf(new LinkedHashSet<>(select));
    }

    /** Parses decoded query parameters (first value of each name). */
    static ODataQuery parse(Map<String, String> params) {
        int top = Math.min(integer(params, "$top", DEFAULT_TOP, 1), MAX_TOP);
        int skip = integer(params, "$skip", 0, 0);
        List<String> select = new ArrayList<>();
        String selectText = params.get("$select");
        if (selectText != null) {
            Arrays.stream(selectText.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(select::add);
        }
        return new ODataQuery(top, skip, select, newestFirst(params.get("$orderby")));
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

    private static boolean newestFirst(String orderBy) {
        if (orderBy == null || orderBy.isBlank()) {
            return true;
        }
        String[] parts = orderBy.trim().split("\\s+");
        if (parts.length <= 2 && parts[0].equals("receivedDateTime")) {
            if (parts.length == 1 || parts[1].equalsIgnoreCase("asc")) {
                return false; // OData's default direction is ascending
            }
            if (parts[1].equalsIgnoreCase("desc")) {
                return true;
            }
        }
        throw SandboxGraphException.badRequest("The sandbox supports $orderby=receivedDateTime [asc|desc] only, got '"
                + orderBy + "'.");
    }
}
