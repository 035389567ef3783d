package org.m365mcp.sandbox.delta;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A delta state token, opaque to clients: base64url of a small JSON object, the only place it is
 * written and read.
 *
 * <ul>
 *   <li>A delta token ({@code skip} false) stands for "everything up to {@code upTo} is known": the next
 *       round answers the changes after it.
 *   <li>A skip token ({@code skip} true) continues a round: the changes after {@code from} up to
 *       {@code upTo} (the log's head when the round began), or the state as it stands when {@code from}
 *       is {@link #INITIAL}, past the item whose order key is {@code after}.
 *   <li>{@code options} are the query options of the round's first request ({@code $select},
 *       {@code changeType}, the calendar window…), carried so that a link repeats none of them.
 * </ul>
 */
public record DeltaToken(
        String accountId,
        String resource,
        boolean skip,
        long from,
        long upTo,
        String after,
        Instant issuedAt,
        Map<String, String> options) {

    /** {@code from} of the first round, which answers the current state rather than changes. */
    public static final long INITIAL = -1;

    private static final ObjectMapper JSON = new ObjectMapper();

    public DeltaToken {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(issuedAt, "issuedAt");
        options = Map.copyOf(options);
    }

    public String encode() {
        ObjectNode node = JSON.createObjectNode()
                .put("a", accountId)
                .put("r", resource)
                .put("s", skip)
                .put("f", from)
                .put("u", upTo)
                .put("k", after)
                .put("t", issuedAt.getEpochSecond());
        ObjectNode opts = node.putObject("o");
        options.forEach(opts::put);
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(node.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The token {@code text} encodes, or empty when it is not one of ours. */
    public static Optional<DeltaToken> decode(String text) {
        try {
            JsonNode node = JSON.readTree(new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8));
            if (!node.path("a").isTextual()
                    || !node.path("r").isTextual()
                    || !node.path("k").isTextual()
                    || !node.path("f").isIntegralNumber()
                    || !node.path("u").isIntegralNumber()
                    || !node.path("t").isIntegralNumber()
                    || !node.path("s").isBoolean()) {
                return Optional.empty();
            }
            Map<String, String> options = new LinkedHashMap<>();
            node.path("o")
                    .fields()
                    .forEachRemaining(e -> options.put(e.getKey(), e.getValue().asText()));
            return Optional.of(new DeltaToken(
                    node.get("a").asText(),
                    node.get("r").asText(),
                    node.get("s").asBoolean(),
                    node.get("f").asLong(),
                    node.get("u").asLong(),
                    node.get("k").asText(),
                    Instant.ofEpochSecond(node.get("t").asLong()),
                    options));
        } catch (IllegalArgumentException | JsonProcessingException e) {
            return Optional.empty();
        }
    }
}
