package org.m365mcp.sandbox.drive;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.m365mcp.sandbox.common.Json;
import org.m365mcp.sandbox.common.SandboxGraphException;
import org.m365mcp.sandbox.common.SandboxIds;

/**
 * Sharing links ({@code POST …/createLink}) and pre-authenticated download URLs of one drive.
 *
 * <ul>
 *   <li>A link is a Graph {@code permission} with {@code link.type} view/edit/embed and
 *       {@code link.scope} anonymous/organization/users; asking again for the same type and scope
 *       returns the existing link (200 instead of 201), as OneDrive does.
 *   <li>Download URLs carry a {@code tempauth} derived from drive and item, checked by
 *       {@link #checkDownload}; like Graph's, they need no bearer token.
 *   <li>Thread-safe through the drive's monitor.
 * </ul>
 */
final class DriveLinks {

    /** A link and whether this call created it. */
    record Created(ObjectNode permission, boolean isNew) {}

    private static final Set<String> TYPES = Set.of("view", "edit", "embed");
    private static final Set<String> SCOPES = Set.of("anonymous", "organization", "users");

    private final Drive drive;
    private final List<ObjectNode> permissions = new ArrayList<>();

    DriveLinks(Drive drive) {
        this.drive = drive;
    }

    Created create(String itemId, ObjectNode body) {
        String type = body.path("type").asText("").toLowerCase(Locale.ROOT);
        String scope = body.path("scope").asText("anonymous").toLowerCase(Locale.ROOT);
        if (!TYPES.contains(type) || !SCOPES.contains(scope)) {
            throw SandboxGraphException.driveInvalidRequest(
                    "createLink needs 'type' (view, edit, embed) and an optional"
                            + " 'scope' (anonymous, organization, users).");
        }
        synchronized (drive) {
            drive.stored(itemId);
            Optional<ObjectNode> existing = permissions.stream()
                    .filter(p -> p.path("itemId").asText().equals(itemId)
                            && p.path("link").path("type").asText().equals(type)
                            && p.path("link").path("scope").asText().equals(scope))
                    .findFirst();
            if (existing.isPresent()) {
                return new Created(visible(existing.get()), false);
            }
            String id = SandboxIds.guid("link|" + itemId + "|" + type + "|" + scope);
            ObjectNode permission = Json.object().put("id", id).put("itemId", itemId);
            permission.set("roles", Json.strings(List.of(type.equals("edit") ? "write" : "read")));
            permission.put("shareId", "u!" + id.replace("-", ""));
            permission.put("hasPassword", body.hasNonNull("password"));
            if (body.hasNonNull("expirationDateTime")) {
                permission.put(
                        "expirationDateTime", body.get("expirationDateTime").asText());
            }
            ObjectNode link = permission.putObject("link");
            link.put("scope", scope).put("type", type).put("preventsDownload", false);
            link.put(
                    "webUrl",
                    "https://contoso-my.sharepoint.com/:" + (type.equals("edit") ? "w" : "v") + ":/g/personal/"
                            + drive.owner().address().replaceAll("[@.]", "_") + "/"
                            + id.replace("-", "").substring(0, 22));
            permissions.add(permission);
            return new Created(visible(permission), true);
        }
    }

    void forget(String itemId) {
        permissions.removeIf(p -> p.path("itemId").asText().equals(itemId));
    }

    static String downloadUrl(String sandboxRoot, String driveId, String itemId) {
        return sandboxRoot + "/download/" + driveId + "/" + itemId + "?tempauth=" + tempauth(driveId, itemId);
    }

    static void checkDownload(String driveId, String itemId, String tempauth) {
        if (!tempauth(driveId, itemId).equals(tempauth)) {
            throw new SandboxGraphException(401, "unauthenticated", "The download URL's tempauth is not valid.");
        }
    }

    private static String tempauth(String driveId, String itemId) {
        return SandboxIds.item("tempauth", driveId, itemId).substring(6, 38);
    }

    private static ObjectNode visible(ObjectNode permission) {
        ObjectNode copy = permission.deepCopy();
        copy.remove("itemId");
        return copy;
    }
}
