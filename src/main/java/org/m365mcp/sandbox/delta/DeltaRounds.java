package org.m365mcp.sandbox.delta;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.m365mcp.sandbox.common.GraphRequest;
import org.m365mcp.sandbox.common.SandboxGraphException;

/**
 * What a delta round's request asks beside its token, and the answer to a token gone: the page size
 * ({@code Prefer: odata.maxpagesize} over {@code $top}), the {@code $select}, and Graph's 410. Pure.
 */
final class DeltaRounds {

    private static final Pattern MAX_PAGE_SIZE =
            Pattern.compile("odata\\.maxpagesize\\s*=\\s*(\\d{1,9})", Pattern.CASE_INSENSITIVE);

    private DeltaRounds() {}

    /**
     * Graph's 410 for a delta token it no longer knows, in {@code style}'s words, with a {@code Location}
     * that starts the round again with its first options.
     */
    static Response gone(DeltaStyle style, Instant now, GraphRequest request, Map<String, String> initialOptions) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        ObjectNode error = body.putObject("error").put("code", style.goneCode()).put("message", style.goneMessage());
        ObjectNode inner = error.putObject("innerError");
        if (style.goneInnerCode() != null) {
            inner.put("code", style.goneInnerCode());
        }
        inner.put("date", now.toString()).put("request-id", "00000000-0000-0000-0000-000000000000");
        StringBuilder restart =
                new StringBuilder(request.requestUri().toString().replaceFirst("\\?.*$", ""));
        String separator = "?";
        for (Map.Entry<String, String> option : initialOptions.entrySet()) {
            restart.append(separator)
                    .append(option.getKey())
                    .append('=')
                    .append(URLEncoder.encode(option.getValue(), StandardCharsets.UTF_8));
            separator = "&";
        }
        return Response.status(410)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .header("Location", restart.toString())
                .entity(body.toString())
                .build();
    }

    /** A round's page size from its {@code $top} (1–1000), else {@code style}'s default. */
    static int top(DeltaStyle style, Map<String, String> roundOptions) {
        String top = roundOptions.get("$top");
        if (top == null) {
            return style.defaultPage();
        }
        try {
            int value = Integer.parseInt(top.trim());
            if (value >= 1) {
                return Math.min(value, 1000);
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw SandboxGraphException.badRequest("Invalid value '" + top + "' for query option $top.");
    }

    /** {@code Prefer: odata.maxpagesize=n}, clamped to 1–1000. */
    static Optional<Integer> preferredPageSize(GraphRequest request) {
        return request.header("Prefer")
                .map(MAX_PAGE_SIZE::matcher)
                .filter(Matcher::find)
                .map(m -> Math.max(1, Math.min(Integer.parseInt(m.group(1)), 1000)));
    }

    /** A round's {@code $select}, each property once. */
    static List<String> select(Map<String, String> roundOptions) {
        String select = roundOptions.get("$select");
        if (select == null) {
            return List.of();
        }
        return Arrays.stream(select.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .distinct()
                .toList();
    }
}
