package org.m365mcp.sandbox.drive;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.m365mcp.sandbox.common.SandboxGraphException;

/**
 * The items of one {@link Drive} by id, and how they hang together: children (by name, ignoring case,
 * as OneDrive sorts and matches them), paths, depth, sizes. Not thread-safe: the drive calls it
 * holding its monitor. Items are its own JSON, never copies.
 */
final class DriveTree {

    private final Map<String, ObjectNode> items = new LinkedHashMap<>();
    private String rootId;

    void add(ObjectNode item) {
        String id = item.path("id").asText();
        items.put(id, item);
        if (item.has("root")) {
            rootId = id;
        }
    }

    /** The item removed, or null when there was none. */
    ObjectNode remove(String id) {
        return items.remove(id);
    }

    String rootId() {
        return rootId;
    }

    /** The item, or null. */
    ObjectNode get(String id) {
        return items.get(id);
    }

    /** The item; Graph's {@code itemNotFound} when there is none. */
    ObjectNode stored(String id) {
        ObjectNode item = items.get(id);
        if (item == null) {
            throw SandboxGraphException.driveItemNotFound();
        }
        return item;
    }

    /** The folder above {@code item}, or null for the root. */
    ObjectNode parentOf(ObjectNode item) {
        return items.get(item.path("parentReference").path("id").asText());
    }

    List<String> ids() {
        return List.copyOf(items.keySet());
    }

    Collection<ObjectNode> all() {
        return items.values();
    }

    /** How many folders lie between the item and the root (0 for the root), or -1 for an unknown item. */
    int depth(String id) {
        int depth = 0;
        for (ObjectNode item = items.get(id); item != null && !item.has("root"); item = parentOf(item)) {
            depth++;
        }
        return items.containsKey(id) ? depth : -1;
    }

    List<String> childIds(String id) {
        return items.values().stream()
                .filter(i -> i.path("parentReference").path("id").asText().equals(id))
                .sorted(Comparator.comparing(
                        (ObjectNode i) -> i.path("name").asText().toLowerCase(Locale.ROOT)))
                .map(i -> i.path("id").asText())
                .toList();
    }

    Optional<String> childNamed(String parentId, String name) {
        return childIds(parentId).stream()
                .filter(c -> items.get(c).path("name").asText().equalsIgnoreCase(name))
                .findFirst();
    }

    /** The item at {@code path} below the root ({@code /Documents/Plan.docx}); the root for {@code /} or empty. */
    String resolve(String path) {
        String id = rootId;
        for (String part : path.split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            String parent = id;
            id = childNamed(parent, part).orElseThrow(SandboxGraphException::driveItemNotFound);
        }
        return id;
    }

    /** {@code /drive/root:} for the root's children, {@code /drive/root:/Documents/Projects} deeper. */
    String pathOf(String id) {
        List<String> names = new ArrayList<>();
        for (ObjectNode item = stored(id);
                !item.has("root");
                item = stored(item.path("parentReference").path("id").asText())) {
            names.add(0, item.path("name").asText());
        }
        return "/drive/root:" + (names.isEmpty() ? "" : "/" + String.join("/", names));
    }

    /** True when {@code id} is {@code ancestor} or lies below it. */
    boolean isWithin(String id, String ancestor) {
        for (ObjectNode item = stored(id);
                ;
                item = stored(item.path("parentReference").path("id").asText())) {
            if (item.path("id").asText().equals(ancestor)) {
                return true;
            }
            if (item.has("root")) {
                return false;
            }
        }
    }

    long folderSize(String id) {
        return childIds(id).stream()
                .mapToLong(c -> items.get(c).has("folder")
                        ? folderSize(c)
                        : items.get(c).path("size").asLong())
                .sum();
    }

    long usedBytes() {
        return items.values().stream()
                .filter(i -> i.has("file"))
                .mapToLong(i -> i.path("size").asLong())
                .sum();
    }
}
