package org.m365mcp.sandbox.common;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A KQL-like text query as Graph's {@code $search} and {@code /search/query} take it: words and
 * {@code "quoted phrases"}, optionally scoped ({@code from:megan}, {@code subject:"budget review"}),
 * all of which must match (an {@code AND} between them is allowed and means the same).
 *
 * <ul>
 *   <li>Matching ignores case and looks for the term inside any text value under the scoped or
 *       default properties (nested objects and arrays included).
 *   <li>An unknown scope ({@code colour:red}) is treated as a plain word, as KQL does.
 *   <li>Immutable and thread-safe.
 * </ul>
 */
public final class TextQuery {

    /** Which properties a query looks at: {@code defaults} for plain words, {@code scoped} per KQL property. */
    public record Fields(List<String> defaults, Map<String, List<String>> scoped) {

        public Fields {
            defaults = List.copyOf(defaults);
            scoped = Map.copyOf(scoped);
        }
    }

    /** One term: {@code scope} is the lower-case KQL property or {@code null}. */
    public record Term(String scope, String text) {}

    private static final Pattern TOKEN = Pattern.compile("(?:([A-Za-z]+):)?(?:\"([^\"]*)\"|(\\S+))");

    private final List<Term> terms;

    private TextQuery(List<Term> terms) {
        this.terms = List.copyOf(terms);
    }

    /**
     * Parses {@code "pizza"}, {@code from:megan budget}, {@code "\"Q3 budget\" AND review"}; a query
     * wholly in double quotes is unwrapped first, backslash escapes included, as Graph's
     * {@code $search} takes it.
     */
    public static TextQuery parse(String raw) {
        Objects.requireNonNull(raw, "raw");
        String text = raw.trim();
        String phrase = unquoted(text);
        if (phrase != null) {
            text = phrase;
        }
        List<Term> terms = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            String value = m.group(2) != null ? m.group(2) : m.group(3);
            if (m.group(1) == null && (value.equals("AND") || value.isBlank())) {
                continue;
            }
            terms.add(new Term(
                    m.group(1) == null ? null : m.group(1).toLowerCase(Locale.ROOT), value.toLowerCase(Locale.ROOT)));
        }
        if (terms.isEmpty()) {
            throw SandboxGraphException.badRequest("The search query is empty.");
        }
        return new TextQuery(terms);
    }

    /**
     * The inside of an OData search phrase, {@code "…"} with {@code \"} and {@code \\} unescaped
     * ({@code $search="subject:\"Q3 budget\""}); null when {@code text} is not one.
     */
    private static String unquoted(String text) {
        if (text.length() < 2 || text.charAt(0) != '"' || text.charAt(text.length() - 1) != '"') {
            return null;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 1; i < text.length() - 1; i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length() - 1) {
                out.append(text.charAt(++i));
            } else if (c == '"') {
                return null; // several phrases ("a" "b"), not one quoted whole
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    public List<Term> terms() {
        return terms;
    }

    /** The plain words and phrases, as Graph echoes them in {@code searchTerms}. */
    public List<String> words() {
        return terms.stream().map(Term::text).toList();
    }

    public boolean matches(JsonNode item, Fields fields) {
        for (Term term : terms) {
            List<String> paths = term.scope() != null && fields.scoped().containsKey(term.scope())
                    ? fields.scoped().get(term.scope())
                    : fields.defaults();
            String wanted = term.scope() != null && !fields.scoped().containsKey(term.scope())
                    ? term.scope() + ":" + term.text()
                    : term.text();
            if (paths.stream().noneMatch(path -> contains(Json.at(item, path), wanted))) {
                return false;
            }
        }
        return true;
    }

    private static boolean contains(JsonNode node, String wanted) {
        if (node.isContainerNode()) {
            for (JsonNode child : node) {
                if (contains(child, wanted)) {
                    return true;
                }
            }
            return false;
        }
        return !node.isMissingNode()
                && !node.isNull()
                && node.asText().toLowerCase(Locale.ROOT).contains(wanted);
    }
}
