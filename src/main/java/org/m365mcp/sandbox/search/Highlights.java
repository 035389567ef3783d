package org.m365mcp.sandbox.search;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;

/**
 * The {@code summary} of a search hit as Graph writes it: a snippet around the first matching term,
 * the term wrapped in {@code <c0>…</c0>}, a cut marked {@code <ddd/>}.
 */
final class Highlights {

    private static final int AROUND = 60;

    private Highlights() {}

    static String summary(JsonNode item, List<String> terms) {
        String text = firstNonBlank(
                item.path("bodyPreview").asText(""),
                item.path("body").path("content").asText(""),
                item.path("subject").asText(""),
                item.path("name").asText(""));
        String lower = text.toLowerCase(Locale.ROOT);
        for (String term : terms) {
            int at = lower.indexOf(term);
            if (at >= 0) {
                int from = Math.max(0, at - AROUND);
                int to = Math.min(text.length(), at + term.length() + AROUND);
                return text.substring(from, at) + "<c0>" + text.substring(at, at + term.length()) + "</c0>"
                        + text.substring(at + term.length(), to) + (to < text.length() ? "<ddd/>" : "");
            }
        }
        return text.length() <= 2 * AROUND ? text : text.substring(0, 2 * AROUND) + "<ddd/>";
    }

    private static String firstNonBlank(String... texts) {
        for (String text : texts) {
            if (!text.isBlank()) {
                return text;
            }
        }
        return "";
    }
}
