package org.m365mcp.tools.mail;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The order of the inbox rules, kept as Outlook keeps it: sequences 1, 2, 3, … without gaps or ties.
 *
 * <ul>
 *   <li>Pure functions over rule ids; the tools apply the result through Graph.</li>
 *   <li>{@link #renumbering} lists the sequences to PATCH in ascending order, which ends in the same
 *       order whether or not the server shifts the other rules itself when one rule's sequence
 *       changes (Exchange keeps them unique).</li>
 * </ul>
 */
final class RuleOrder {

    /** One step of the move tools. */
    enum Move {
        TOP,
        BOTTOM,
        UP,
        DOWN
    }

    private RuleOrder() {}

    /**
     * {@code order} with {@code id} moved one step; an equal list when it cannot move that way
     * (the first rule up or to the top, the last down or to the bottom).
     *
     * @throws IllegalArgumentException when {@code id} is not in {@code order}
     */
    static List<String> moved(List<String> order, String id, Move move) {
        int from = order.indexOf(id);
        if (from < 0) {
            throw new IllegalArgumentException("Not in the order: " + id);
        }
        int to = switch (move) {
            case TOP -> 0;
            case BOTTOM -> order.size() - 1;
            case UP -> Math.max(0, from - 1);
            case DOWN -> Math.min(order.size() - 1, from + 1);
        };
        List<String> result = new ArrayList<>(order);
        result.add(to, result.remove(from));
        return result;
    }

    /** {@code order} with {@code id} inserted at 1-based {@code position} (clamped to the end). */
    static List<String> inserted(List<String> order, String id, int position) {
        List<String> result = new ArrayList<>(order);
        result.add(Math.min(Math.max(position, 1), order.size() + 1) - 1, id);
        return result;
    }

    /**
     * The new sequence of each rule whose current sequence differs from its place in {@code order}
     * (1-based), in ascending new sequence.
     *
     * @param current each rule's sequence now, by id; a rule missing from it is always renumbered
     */
    static Map<String, Integer> renumbering(Map<String, Integer> current, List<String> order) {
        Map<String, Integer> changes = new LinkedHashMap<>();
        for (int i = 0; i < order.size(); i++) {
            String id = order.get(i);
            if (!Integer.valueOf(i + 1).equals(current.get(id))) {
                changes.put(id, i + 1);
            }
        }
        return changes;
    }
}
