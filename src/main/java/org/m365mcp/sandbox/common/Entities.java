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

    private Entities() {
    }

    /**
     * A copy of {@code patch} without OData annotations, ready to merge.
     *
     * @throws SandboxGraphException 400 {@code ErrorInvalidPropertyRequest} for a property not in {@code writable}
     */
    public static ObjectNode writable(ObjectNode patch, Set<String> writable, String entity) {
        patch.fieldNames().forEachRemaining(name -> {
            if (!writable.contains(name) && !name.startsWith("@odata")) {
                throw new SandboxGraphException(400, "ErrorInvalidPropertyRequest",
                        "The property '" + name + "' cannot be set on " + entity + ".");
            }
        });
        ObjectNode clean = patch.deepCopy();
        clean.remove(List.of("@odata.type", "@odata.etag", "@odata.context"));
        return clean;
    }

    /** Renews the change key and etag and sets {@code lastModifiedDateTime} to {@code now}. */
    public static void touch(ObjectNode entity, Instant now) {
        String changeKey = Integer.toHexString((entity.path("id").asText() + now + entity.path("subject")
                + entity.path("displayName")).hashCode()) + "AAAAA" + Long.toHexString(now.toEpochMilli());
        entity.put("@odata.etag", "W/\"" + changeKey + "\"");
        entity.put("changeKey", changeKey);
        entity.put("lastModifiedDateTime", now.toString());
    }

    /** Graph's {@code bodyPreview}: the text, markup dropped, whitespace collapsed, at most 255 characters. */
    public static String preview(String body) {
        String flat = body.replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ").trim();
        return flat.length() <= 255 ? flat : flat.substring(0, 255);
    }
}
