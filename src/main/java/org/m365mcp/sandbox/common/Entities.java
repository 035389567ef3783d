package org.m365mcp.sandbox.common;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What every Outlook entity (message, event, contact) does on POST and PATCH: only writable
 * properties are accepted, and each change renews {@code lastModifiedDateTime}, {@code changeKey}
 * and {@code @odata.etag}.
 *
 * <p>Stateless and thread-safe.
 */
public final class Entities {

    private Entities() {}

    /**
     * A copy of {@code patch} without OData annotations, ready to merge.
     *
     * @throws SandboxGraphException 400 {@code ErrorInvalidPropertyRequest} for a property not in {@code writable}
     */
    public static ObjectNode writable(ObjectNode patch, Set<String> writable, String entity) {
        patch.fieldNames().forEachRemaining(name -> {
            if (!writable.contains(name) && !name.startsWith("@odata")) {
                throw new SandboxGraphException(
                        400,
                        "ErrorInvalidPropertyRequest",
                        "The property '" + name + "' cannot be set on " + entity + ".");
            }
        });
        ObjectNode clean = patch.deepCopy();
        clean.remove(List.of("@odata.type", "@odata.etag", "@odata.context"));
        return clean;
    }

    /**
     * Renews the change key and etag and sets {@code lastModifiedDateTime} to {@code now}. The change key
     * carries a version one above the entity's last, so two changes within the same instant still give
     * two etags, as Exchange's do.
     */
    public static void touch(ObjectNode entity, Instant now) {
        String changeKey = CHANGE_KEY
                + String.format("%08X", entity.path("id").asText().hashCode())
                + String.format("%010X", version(entity.path("changeKey").asText("")) + 1);
        entity.put("@odata.etag", etag(changeKey));
        entity.put("changeKey", changeKey);
        entity.put("lastModifiedDateTime", now.toString());
    }

    /** Renews only the change key and etag: a change Graph makes without a client's PATCH (a response, an attachment). */
    public static void renewChangeKey(ObjectNode entity) {
        String modified = entity.path("lastModifiedDateTime").asText("");
        touch(entity, modified.isEmpty() ? Instant.EPOCH : Instant.parse(modified));
    }

    /** {@code W/"changeKey"}, Outlook's {@code @odata.etag}. */
    public static String etag(String changeKey) {
        return "W/\"" + changeKey + "\"";
    }

    private static final String CHANGE_KEY = "CQAAABYAAAA";

    private static long version(String changeKey) {
        if (changeKey.startsWith(CHANGE_KEY) && changeKey.length() == CHANGE_KEY.length() + 18) {
            try {
                return Long.parseLong(changeKey.substring(CHANGE_KEY.length() + 8), 16);
            } catch (NumberFormatException e) {
                return 0;
            }
        }
        return 0;
    }

    /**
     * Outlook's {@code If-Match} check (PATCH and DELETE of a message, event or contact): {@code null}
     * or {@code *} always passes; any other value must be the entity's current {@code @odata.etag}.
     *
     * @throws SandboxGraphException 412 {@code ErrorIrresolvableConflict} otherwise
     */
    public static void requireMatch(String ifMatch, ObjectNode entity) {
        if (ifMatch == null
                || ifMatch.isBlank()
                || ifMatch.trim().equals("*")
                || ifMatch.trim().equals(entity.path("@odata.etag").asText())) {
            return;
        }
        throw new SandboxGraphException(
                412,
                "ErrorIrresolvableConflict",
                "The send or update operation could not be"
                        + " performed because the change key passed in the request does not match the current change key for"
                        + " the item.");
    }

    /** Graph's {@code bodyPreview}: the text, markup dropped, whitespace collapsed, at most 255 characters. */
    public static String preview(String body) {
        String flat = body.replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ").trim();
        return flat.length() <= 255 ? flat : flat.substring(0, 255);
    }
}
