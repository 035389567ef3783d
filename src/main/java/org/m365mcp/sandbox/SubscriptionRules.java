package org.m365mcp.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import org.m365mcp.sandbox.common.Json;
import org.m365mcp.sandbox.common.SandboxGraphException;

/**
 * What Graph accepts in a subscription's POST or PATCH body, with its wording: the required text
 * properties, the change types a resource allows, an expiration within the resource's maximum
 * lifetime (one under {@link #MIN_LIFETIME} from now is raised to it). Pure.
 */
final class SubscriptionRules {

    /** Graph raises an expiration under 45 minutes from now to 45 minutes. */
    static final Duration MIN_LIFETIME = Duration.ofMinutes(45);

    private SubscriptionRules() {}

    /** The expiration {@code text} asks for at {@code now}, as Graph would keep it for {@code target}. */
    static Instant expiration(String text, SubscribedResource target, Instant now) {
        Instant requested;
        try {
            requested = Json.parseInstant(text.trim());
        } catch (SandboxGraphException e) {
            throw invalid("expirationDateTime '" + text + "' is not a valid date-time.");
        }
        if (requested.isAfter(now.plus(target.maxLifetime()))) {
            throw invalid("Subscription expiration can only be "
                    + target.maxLifetime().toMinutes() + " minutes in the future.");
        }
        Instant earliest = now.plus(MIN_LIFETIME);
        return requested.isBefore(earliest) ? earliest : requested;
    }

    /** The comma-separated change types of {@code text}, each one {@code target} allows. */
    static Set<String> changeTypes(String text, SubscribedResource target) {
        Set<String> types = new LinkedHashSet<>();
        Arrays.stream(text.split(","))
                .map(String::trim)
                .filter(t -> !t.isEmpty())
                .forEach(types::add);
        if (types.isEmpty() || !target.allowedChangeTypes().containsAll(types)) {
            throw invalid("changeType must be a comma-separated list of "
                    + String.join(
                            ", ", target.allowedChangeTypes().stream().sorted().toList()) + " for this resource.");
        }
        return types;
    }

    /** The required text property {@code property} of {@code body}. */
    static String text(JsonNode body, String property) {
        JsonNode value = body.path(property);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw invalid("The '" + property + "' property is required.");
        }
        return value.asText();
    }

    static SandboxGraphException invalid(String message) {
        return new SandboxGraphException(400, "InvalidRequest", message);
    }
}
