package org.m365mcp.sandbox.odata;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.m365mcp.sandbox.common.Json;
import org.m365mcp.sandbox.common.SandboxGraphException;

/**
 * The part of OData's {@code $filter} that Graph's Outlook and OneDrive collections accept and our
 * tools use: {@code eq ne gt ge lt le}, {@code and or not}, parentheses, {@code startswith},
 * {@code endswith}, {@code contains}, and {@code any} over a collection ({@code categories/any(c:c eq 'Red')}).
 *
 * <ul>
 *   <li>Text compares ignoring case, as Exchange does; values that both read as date-times compare
 *       as instants ({@code start/dateTime ge '2026-01-15T00:00:00'} or a bare {@code 2026-01-15T00:00:00Z}).
 *   <li>A syntax error is Graph's 400 {@code BadRequest}. Parsing is single-use; the predicate is thread-safe.
 * </ul>
 */
public final class ODataFilter {

    private final List<String> tokens;
    private int pos;

    private ODataFilter(String text) {
        this.tokens = tokenize(text);
    }

    public static Predicate<JsonNode> parse(String text) {
        ODataFilter parser = new ODataFilter(text);
        Predicate<JsonNode> predicate = parser.or(null);
        if (parser.pos != parser.tokens.size()) {
            throw parser.error();
        }
        return predicate;
    }

    /** {@code lambdaVar} is the variable of an enclosing {@code any}, whose value is the element itself. */
    private Predicate<JsonNode> or(String lambdaVar) {
        Predicate<JsonNode> left = and(lambdaVar);
        while (peekWord("or")) {
            pos++;
            left = left.or(and(lambdaVar));
        }
        return left;
    }

    private Predicate<JsonNode> and(String lambdaVar) {
        Predicate<JsonNode> left = unary(lambdaVar);
        while (peekWord("and")) {
            pos++;
            left = left.and(unary(lambdaVar));
        }
        return left;
    }

    private Predicate<JsonNode> unary(String lambdaVar) {
        if (peekWord("not")) {
            pos++;
            return unary(lambdaVar).negate();
        }
        if (peek("(")) {
            pos++;
            Predicate<JsonNode> inner = or(lambdaVar);
            expect(")");
            return inner;
        }
        String word = next();
        String lower = word.toLowerCase(Locale.ROOT);
        if (peek("(") && (lower.equals("startswith") || lower.equals("endswith") || lower.equals("contains"))) {
            pos++;
            String path = next();
            expect(",");
            String literal = literal(next());
            expect(")");
            return node -> {
                String value = value(node, path, lambdaVar).asText("").toLowerCase(Locale.ROOT);
                String wanted = literal.toLowerCase(Locale.ROOT);
                return switch (lower) {
                    case "startswith" -> value.startsWith(wanted);
                    case "endswith" -> value.endsWith(wanted);
                    default -> value.contains(wanted);
                };
            };
        }
        if (word.toLowerCase(Locale.ROOT).endsWith("/any") && peek("(")) {
            pos++;
            String collection = word.substring(0, word.length() - 4);
            String variable = next();
            expect(":");
            Predicate<JsonNode> element = or(variable);
            expect(")");
            return node -> {
                for (JsonNode item : value(node, collection, lambdaVar)) {
                    if (element.test(item)) {
                        return true;
                    }
                }
                return false;
            };
        }
        String op = next().toLowerCase(Locale.ROOT);
        String literalToken = next();
        return comparison(word, op, literalToken, lambdaVar);
    }

    private Predicate<JsonNode> comparison(String path, String op, String literalToken, String lambdaVar) {
        if (!List.of("eq", "ne", "gt", "ge", "lt", "le").contains(op)) {
            throw SandboxGraphException.badRequest("Invalid filter operator '" + op + "'.");
        }
        boolean isNull = literalToken.equals("null");
        String literal = isNull ? null : literal(literalToken);
        return node -> {
            JsonNode value = value(node, path, lambdaVar);
            if (isNull) {
                boolean missing = value.isMissingNode() || value.isNull();
                return op.equals("eq") ? missing : op.equals("ne") && !missing;
            }
            int c = compare(value, literal);
            return switch (op) {
                case "eq" -> c == 0;
                case "ne" -> c != 0;
                case "gt" -> c > 0;
                case "ge" -> c >= 0;
                case "lt" -> c < 0;
                default -> c <= 0;
            };
        };
    }

    private static JsonNode value(JsonNode node, String path, String lambdaVar) {
        if (lambdaVar != null && (path.equals(lambdaVar) || path.startsWith(lambdaVar + "/"))) {
            return path.equals(lambdaVar) ? node : Json.at(node, path.substring(lambdaVar.length() + 1));
        }
        return Json.at(node, path);
    }

    private static int compare(JsonNode value, String literal) {
        if (value.isMissingNode() || value.isNull()) {
            return -1;
        }
        if (value.isNumber()) {
            try {
                return Double.compare(value.asDouble(), Double.parseDouble(literal));
            } catch (NumberFormatException e) {
                return -1;
            }
        }
        String text = value.asText();
        if (looksLikeDateTime(text) && looksLikeDateTime(literal)) {
            Instant a = Json.parseInstant(text);
            Instant b = Json.parseInstant(literal);
            return a.compareTo(b);
        }
        return text.compareToIgnoreCase(literal);
    }

    private static boolean looksLikeDateTime(String text) {
        return text.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d(:\\d\\d(\\.\\d+)?)?(Z|[+-]\\d\\d:\\d\\d)?");
    }

    /** {@code 'it''s'} → {@code it's}; numbers, booleans and date-times stay as written. */
    private String literal(String token) {
        if (token.startsWith("'")) {
            return token.substring(1, token.length() - 1).replace("''", "'");
        }
        return token;
    }

    private boolean peek(String token) {
        return pos < tokens.size() && tokens.get(pos).equals(token);
    }

    private boolean peekWord(String word) {
        return pos < tokens.size() && tokens.get(pos).equalsIgnoreCase(word);
    }

    private String next() {
        if (pos >= tokens.size()) {
            throw error();
        }
        return tokens.get(pos++);
    }

    private void expect(String token) {
        if (!peek(token)) {
            throw error();
        }
        pos++;
    }

    private SandboxGraphException error() {
        return SandboxGraphException.badRequest(
                "Invalid filter clause: syntax error at position " + pos + " in '" + String.join(" ", tokens) + "'.");
    }

    private static List<String> tokenize(String text) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(' || c == ')' || c == ',' || (c == ':' && !out.isEmpty())) {
                out.add(String.valueOf(c));
                i++;
            } else if (c == '\'') {
                int j = i + 1;
                while (j < text.length()
                        && !(text.charAt(j) == '\'' && (j + 1 >= text.length() || text.charAt(j + 1) != '\''))) {
                    j += text.charAt(j) == '\'' ? 2 : 1;
                }
                if (j >= text.length()) {
                    throw SandboxGraphException.badRequest("Unterminated string literal in $filter.");
                }
                out.add(text.substring(i, j + 1));
                i = j + 1;
            } else {
                int j = i;
                boolean numeric = Character.isDigit(c) || c == '-';
                while (j < text.length()
                        && !Character.isWhitespace(text.charAt(j))
                        && "(),'".indexOf(text.charAt(j)) < 0
                        && (numeric || text.charAt(j) != ':')) {
                    j++;
                }
                out.add(text.substring(i, j));
                i = j;
            }
        }
        return out;
    }
}
