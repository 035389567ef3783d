package org.m365mcp.sandbox.login;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;
import org.m365mcp.sandbox.common.Json;
import org.m365mcp.sandbox.common.SandboxGraphException;

/**
 * Test controls of the sandbox's sign-in, part of the sandbox's admin API at
 * {@code /sandbox/_admin/login}.
 *
 * <ul>
 *   <li>{@code GET} → {@code {"access_token_lifetime_seconds":3600,"device_code_lifetime_seconds":900,
 *       "poll_interval_seconds":1,"device_codes_issued":n,"grants":{"device_code":n,"refresh_token":n}}}.
 *   <li>{@code PUT} with any of the three settings (non-negative whole seconds) changes them for
 *       what is issued from then on, and answers as {@code GET}; an unknown field or a bad value is
 *       400 and changes nothing.
 *   <li>{@code DELETE} forgets every device code and token and zeroes the counters (everyone is
 *       signed out; the fixed demo tokens keep working); 204.
 *   <li>No authentication: the sandbox serves only made-up data.
 * </ul>
 */
@RequestScoped
@Path("_admin/login")
@Produces(MediaType.APPLICATION_JSON)
public class LoginAdminResource {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String USAGE = "Expected {\"access_token_lifetime_seconds\":…, "
            + "\"device_code_lifetime_seconds\":…, \"poll_interval_seconds\":…} with non-negative integers.";
    private static final Map<String, BiFunction<LoginSettings, Duration, LoginSettings>> SETTERS = Map.of(
            "access_token_lifetime_seconds", LoginSettings::withAccessTokenLifetime,
            "device_code_lifetime_seconds", LoginSettings::withDeviceCodeLifetime,
            "poll_interval_seconds", LoginSettings::withPollInterval);

    @Inject
    SandboxLogin login;

    @GET
    public String get() {
        LoginSettings settings = login.settings();
        LoginCounters counters = login.counters();
        ObjectNode body = Json.object()
                .put(
                        "access_token_lifetime_seconds",
                        settings.accessTokenLifetime().toSeconds())
                .put(
                        "device_code_lifetime_seconds",
                        settings.deviceCodeLifetime().toSeconds())
                .put("poll_interval_seconds", settings.pollInterval().toSeconds())
                .put("device_codes_issued", counters.deviceCodesIssued());
        ObjectNode grants = body.putObject("grants");
        for (GrantType type : GrantType.values()) {
            grants.put(type.shortName(), counters.grants(type));
        }
        return body.toString();
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public Response put(String body) {
        JsonNode changes = read(body);
        UnaryOperator<LoginSettings> change = UnaryOperator.identity();
        for (Iterator<Map.Entry<String, JsonNode>> it = changes.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            BiFunction<LoginSettings, Duration, LoginSettings> setter = SETTERS.get(field.getKey());
            JsonNode value = field.getValue();
            if (setter == null || !value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() < 0) {
                throw SandboxGraphException.badRequest(USAGE);
            }
            Duration seconds = Duration.ofSeconds(value.asLong());
            UnaryOperator<LoginSettings> before = change;
            change = settings -> setter.apply(before.apply(settings), seconds);
        }
        login.updateSettings(change);
        return Response.ok(get(), MediaType.APPLICATION_JSON_TYPE).build();
    }

    @DELETE
    public Response reset() {
        login.reset();
        return Response.noContent().build();
    }

    private static JsonNode read(String body) {
        try {
            JsonNode node = JSON.readTree(body == null ? "" : body);
            if (node == null || !node.isObject()) {
                throw SandboxGraphException.badRequest(USAGE);
            }
            return node;
        } catch (IOException e) {
            throw SandboxGraphException.badRequest(USAGE);
        }
    }
}
