package org.m365mcp.sandbox.drive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.Optional;
import org.m365mcp.sandbox.common.SandboxGraphException;
import org.m365mcp.sandbox.common.SandboxIds;

/**
 * What OneDrive's write endpoints do: create a folder, upload (small files, and the end of an
 * upload session), PATCH to rename and move, delete, and copy.
 *
 * <ul>
 *   <li>{@code @microsoft.graph.conflictBehavior} is {@code fail} (409 {@code nameAlreadyExists}),
 *       {@code rename} ({@code Plan 1.docx}) or {@code replace}; creating a folder defaults to
 *       {@code fail}, uploading to {@code replace}, as on Graph.
 *   <li>The root cannot be renamed, moved or deleted, and nothing moves below itself.
 *   <li>Each action is atomic on the drive.
 * </ul>
 */
final class DriveWrites {

    /** An upload's result: the item, and whether it is new (201) or replaced (200). */
    record Upload(ObjectNode item, boolean created) {}

    private final Drive drive;

    DriveWrites(Drive drive) {
        this.drive = Objects.requireNonNull(drive, "drive");
    }

    /** POST …/children {@code {"name":…,"folder":{}}}. */
    String createFolder(String parentId, ObjectNode body) {
        String name = validName(body.path("name").asText(""));
        if (!body.path("folder").isObject()) {
            throw SandboxGraphException.driveInvalidRequest(
                    "Only folders can be created here; upload files with PUT …/content.");
        }
        String behavior = body.path("@microsoft.graph.conflictBehavior").asText("fail");
        synchronized (drive) {
            requireFolder(parentId);
            Optional<String> existing = drive.childNamed(parentId, name);
            if (existing.isPresent()) {
                switch (behavior) {
                    case "replace" -> drive.remove(existing.get());
                    case "rename" -> name = freeName(parentId, name);
                    default -> throw conflict();
                }
            }
            return drive.put(drive.newId(), parentId, name, true, 0, null, drive.now())
                    .path("id")
                    .asText();
        }
    }

    Upload upload(String parentId, String name, byte[] bytes, String behavior) {
        String valid = validName(name);
        synchronized (drive) {
            requireFolder(parentId);
            Optional<String> existing = drive.childNamed(parentId, valid);
            if (existing.isPresent()) {
                switch (behavior == null ? "replace" : behavior) {
                    case "fail" -> throw conflict();
                    case "rename" -> valid = freeName(parentId, valid);
                    default -> {
                        if (drive.isFolder(existing.get())) {
                            throw conflict();
                        }
                        drive.setContent(existing.get(), bytes);
                        return new Upload(drive.stored(existing.get()), false);
                    }
                }
            }
            return new Upload(drive.put(drive.newId(), parentId, valid, false, bytes.length, bytes, drive.now()), true);
        }
    }

    /** PUT /root:/a/b/file.txt:/content: missing folders on the way are created. */
    Upload uploadByPath(String path, byte[] bytes, String behavior) {
        String[] parts = path.replaceAll("^/+|/+$", "").split("/");
        synchronized (drive) {
            String parent = drive.rootId();
            for (int i = 0; i < parts.length - 1; i++) {
                String folderName = validName(parts[i]);
                String current = parent;
                parent = drive.childNamed(current, folderName)
                        .orElseGet(() -> drive.put(drive.newId(), current, folderName, true, 0, null, drive.now())
                                .path("id")
                                .asText());
            }
            return upload(parent, parts[parts.length - 1], bytes, behavior);
        }
    }

    /**
     * Checks at {@code createUploadSession} what the last fragment will need: the existing file, or
     * the parent folder and, with {@code fail}, a free name (409 {@code nameAlreadyExists} now).
     */
    void checkUploadTarget(UploadSessions.Target target) {
        synchronized (drive) {
            if (target.itemId() != null) {
                if (drive.isFolder(target.itemId())) {
                    throw SandboxGraphException.driveInvalidRequest("A folder has no content.");
                }
                return;
            }
            Optional<String> existing;
            if (target.parentId() != null) {
                requireFolder(target.parentId());
                existing = drive.childNamed(target.parentId(), validName(target.name()));
            } else {
                existing = existingAt(target.path());
            }
            if (existing.isPresent()
                    && ("fail".equals(target.behavior())
                            || drive.isFolder(existing.get()) && !"rename".equals(target.behavior()))) {
                throw conflict();
            }
        }
    }

    /** The last fragment of an upload session arrived: create or replace the item, as a simple upload would. */
    Upload finishUpload(UploadSessions.Target target, byte[] bytes) {
        synchronized (drive) {
            if (target.itemId() != null) {
                replace(target.itemId(), bytes);
                return new Upload(drive.stored(target.itemId()), false);
            }
            return target.parentId() != null
                    ? upload(target.parentId(), target.name(), bytes, target.behavior())
                    : uploadByPath(target.path(), bytes, target.behavior());
        }
    }

    private Optional<String> existingAt(String path) {
        try {
            return Optional.of(drive.resolve(path));
        } catch (SandboxGraphException e) {
            return Optional.empty();
        }
    }

    void replace(String id, byte[] bytes) {
        synchronized (drive) {
            if (drive.isFolder(id)) {
                throw SandboxGraphException.driveInvalidRequest("A folder has no content.");
            }
            drive.setContent(id, bytes);
        }
    }

    /** PATCH: {@code name} renames, {@code parentReference.id} (or {@code .path}) moves; both at once is allowed. */
    void update(String id, ObjectNode patch) {
        synchronized (drive) {
            drive.stored(id);
            boolean moves = patch.path("parentReference").isObject();
            boolean renames = patch.has("name");
            if ((moves || renames) && id.equals(drive.rootId())) {
                throw SandboxGraphException.driveInvalidRequest("The root cannot be renamed or moved.");
            }
            String parent = drive.stored(id).path("parentReference").path("id").asText();
            if (moves) {
                parent = target(patch.get("parentReference"));
                requireFolder(parent);
                if (drive.isWithin(parent, id)) {
                    throw SandboxGraphException.driveInvalidRequest("An item cannot be moved into itself or below it.");
                }
            }
            String name = renames
                    ? validName(patch.path("name").asText(""))
                    : drive.stored(id).path("name").asText();
            Optional<String> clash = drive.childNamed(parent, name).filter(other -> !other.equals(id));
            if (clash.isPresent()) {
                throw conflict();
            }
            if (moves) {
                drive.reparent(id, parent);
            }
            if (renames) {
                drive.rename(id, name);
            }
        }
    }

    void delete(String id) {
        synchronized (drive) {
            drive.stored(id);
            if (id.equals(drive.rootId())) {
                throw SandboxGraphException.driveInvalidRequest("The root cannot be deleted.");
            }
            drive.remove(id);
        }
    }

    /** POST …/copy {@code {"parentReference":{…},"name":…}}: the copy's id (made at once, reported by a monitor). */
    String copy(String id, ObjectNode body) {
        synchronized (drive) {
            ObjectNode source = drive.stored(id);
            if (id.equals(drive.rootId())) {
                throw SandboxGraphException.driveInvalidRequest("The root cannot be copied.");
            }
            String parent = body.path("parentReference").isObject()
                    ? target(body.get("parentReference"))
                    : source.path("parentReference").path("id").asText();
            requireFolder(parent);
            if (drive.isFolder(id) && drive.isWithin(parent, id)) {
                throw SandboxGraphException.driveInvalidRequest("A folder cannot be copied into itself.");
            }
            String name = validName(body.path("name").asText(source.path("name").asText()));
            if (drive.childNamed(parent, name).isPresent()) {
                throw conflict();
            }
            return copyTree(id, parent, name);
        }
    }

    private String copyTree(String id, String parent, String name) {
        ObjectNode source = drive.stored(id);
        boolean folder = source.has("folder");
        String copyId = drive.newId();
        drive.put(
                copyId,
                parent,
                name,
                folder,
                folder ? 0 : source.path("size").asLong(),
                folder ? null : drive.content(id),
                drive.now());
        if (folder) {
            drive.childIds(id)
                    .forEach(child -> copyTree(
                            child, copyId, drive.stored(child).path("name").asText()));
        }
        return copyId;
    }

    private String target(JsonNode reference) {
        if (reference.hasNonNull("driveId")
                && !reference.get("driveId").asText().equals(drive.driveId())) {
            throw SandboxGraphException.driveInvalidRequest("The sandbox copies and moves within one drive only.");
        }
        if (reference.hasNonNull("id")) {
            return reference.get("id").asText();
        }
        if (reference.hasNonNull("path")) {
            String path = reference.get("path").asText().replaceFirst("^/drive/root:?", "");
            return drive.resolve(path);
        }
        throw SandboxGraphException.driveInvalidRequest("parentReference needs an 'id' or a 'path'.");
    }

    private void requireFolder(String id) {
        if (!drive.isFolder(id)) {
            throw SandboxGraphException.driveInvalidRequest("The parent must be a folder.");
        }
    }

    private String freeName(String parentId, String name) {
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String ext = dot > 0 ? name.substring(dot) : "";
        for (int n = 1; ; n++) {
            String candidate = stem + " " + n + ext;
            if (drive.childNamed(parentId, candidate).isEmpty()) {
                return candidate;
            }
        }
    }

    static String validName(String name) {
        String trimmed = name.trim();
        if (trimmed.isEmpty()
                || trimmed.matches(".*[\\\\/:*?\"<>|].*")
                || trimmed.equals(".")
                || trimmed.equals("..")) {
            throw SandboxGraphException.driveInvalidRequest(
                    "The name '" + name + "' is not a valid file or folder name.");
        }
        return trimmed;
    }

    private static SandboxGraphException conflict() {
        return new SandboxGraphException(409, "nameAlreadyExists", "The specified item name already exists.");
    }

    /** The id a monitor reports: unique per copy. */
    static String operationId(String driveId, String copyId) {
        return SandboxIds.guid("copy|" + driveId + "|" + copyId);
    }
}
