package org.m365mcp.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import org.m365mcp.cache.key.CacheKey;
import org.m365mcp.cache.key.EncryptionKeyResolver;
import org.m365mcp.cache.key.KeySource;
import org.m365mcp.cache.key.ResolvedKey;
import org.m365mcp.cache.lifecycle.EncryptedStore;
import org.m365mcp.cache.lifecycle.KeyRotationException;

/**
 * {@code POST /admin/cache/rekey}: rotates the encryption key of the live cache.
 *
 * <ul>
 *   <li>Body: none when the key lives in the OS keyring (the server generates the new one and stores
 *       it there); {@code {"new_key":"..."}} when it comes from {@code M365_MCP_CACHE_KEY}.</li>
 *   <li>200 {@code {"rekeyed":true,"key_source":"keyring"}}, plus {@code action_required} for the
 *       environment variable; 409 when the operator must act (variable without a supplied key, a
 *       temporary key), 400 for a key refused, 503 without a store, 500 when the rotation failed
 *       (the cache then keeps its key).</li>
 *   <li>No answer and no log line ever contains a key, nor the request body.</li>
 * </ul>
 */
@ApplicationScoped
@Path("cache")
@Produces(MediaType.APPLICATION_JSON)
public class CacheKeyResource {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EncryptedStore encryptedStore;

    @POST
    @Path("rekey")
    public Response rekey(String body) {
        Optional<CacheKey> supplied;
        try {
            supplied = suppliedKey(body);
        } catch (IllegalArgumentException e) {
            return answer(400, false, "Expected no body, or {\"new_key\": \"<the new key>\"}.");
        }
        try {
            ResolvedKey key = encryptedStore.rotateKey(supplied);
            ObjectNode answer =
                    JsonNodeFactory.instance.objectNode().put("rekeyed", true).put("key_source", source(key.source()));
            if (key.source() == KeySource.ENVIRONMENT) {
                answer.put(
                        "action_required",
                        "Set " + EncryptionKeyResolver.ENVIRONMENT_VARIABLE
                                + " to the new key before the next restart: the running server already uses it,"
                                + " and the cache will not open with the old one.");
            }
            return Response.ok(answer.toString(), MediaType.APPLICATION_JSON_TYPE)
                    .build();
        } catch (KeyRotationException e) {
            return answer(status(e.reason()), false, e.getMessage());
        }
    }

    private Response answer(int status, boolean rekeyed, String error) {
        ObjectNode answer = JsonNodeFactory.instance.objectNode().put("rekeyed", rekeyed);
        encryptedStore.key().ifPresent(key -> answer.put("key_source", source(key.source())));
        answer.put("error", error);
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(answer.toString())
                .build();
    }

    /** The key in {@code {"new_key": "..."}}, empty for no body; never echoes what it was given. */
    static Optional<CacheKey> suppliedKey(String body) {
        if (body == null || body.isBlank()) {
            return Optional.empty();
        }
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON"); // Jackson's message quotes the input
        }
        if (json == null || !json.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        JsonNode key = json.path("new_key");
        if (key.isMissingNode() || key.isNull()) {
            return Optional.empty();
        }
        if (!key.isTextual() || key.asText().isBlank()) {
            throw new IllegalArgumentException("new_key is not text");
        }
        return Optional.of(CacheKey.of(key.asText()));
    }

    private static int status(KeyRotationException.Reason reason) {
        return switch (reason) {
            case NEEDS_SUPPLIED_KEY, TEMPORARY_KEY -> 409;
            case KEY_NOT_ACCEPTED -> 400;
            case NOT_OPEN -> 503;
            case FAILED -> 500;
        };
    }

    private static String source(KeySource source) {
        return (source == KeySource.GENERATED_AND_STORED ? KeySource.KEYRING : source)
                .name()
                .toLowerCase(Locale.ROOT);
    }
}
