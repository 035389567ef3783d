package org.m365mcp.tools.drive;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.cache.annotation.CacheResult;
import org.junit.jupiter.api.Test;
import org.m365mcp.cache.annotation.Invalidate;
import org.m365mcp.cache.annotation.InvalidatesCache;
import org.m365mcp.mcp.McpTool;

/** What each OneDrive write declares stale (SPEC §3), read from its annotations: "op" whole, "op(param)" per value. */
class DriveInvalidationsTest {

    @Test
    void writeTools_declareSpecSection3sInvalidations() {
        Map<String, Set<String>> declared = Stream.of(FileWriteTools.class, FolderTools.class)
                .flatMap(type -> Arrays.stream(type.getMethods()))
                .filter(m -> m.isAnnotationPresent(InvalidatesCache.class))
                .collect(Collectors.toMap(
                        m -> m.getAnnotation(McpTool.class).name(),
                        m -> Arrays.stream(
                                        m.getAnnotation(InvalidatesCache.class).value())
                                .map(DriveInvalidationsTest::shown)
                                .collect(Collectors.toSet())));

        assertThat(declared.get("file_create")).containsExactlyInAnyOrder("file_list", "folder_get_tree");
        assertThat(declared.get("file_delete"))
                .containsExactlyInAnyOrder("file_list", "file_get(file_id)", "folder_get_tree");
        assertThat(declared.get("file_update")).containsExactly("file_get(file_id)");
        assertThat(declared.get("file_move")).contains("file_list", "folder_get_tree");
        assertThat(declared.get("file_copy")).containsExactlyInAnyOrder("file_list", "folder_get_tree");
        assertThat(declared.get("file_rename")).contains("file_list", "file_get(file_id)");
        assertThat(declared.get("folder_create"))
                .containsExactlyInAnyOrder("folder_list", "folder_get", "folder_get_tree");
        Stream.of("folder_rename", "folder_move", "folder_delete")
                .forEach(tool -> assertThat(declared.get(tool))
                        .as(tool)
                        .containsExactlyInAnyOrder(
                                "folder_list", "folder_get", "folder_get_tree", "file_list", "file_get"));
    }

    @Test
    void invalidations_nameCachedReads() {
        Set<String> cached = Stream.of(FileTools.class, FileMetadata.class, FolderTools.class)
                .flatMap(type -> Arrays.stream(type.getMethods()))
                .filter(m -> m.isAnnotationPresent(CacheResult.class))
                .map(m -> m.getAnnotation(CacheResult.class).cacheName())
                .collect(Collectors.toSet());

        assertThat(cached)
                .containsExactlyInAnyOrder("folder_list", "folder_get", "folder_get_tree", "file_list", "file_get");
    }

    private static String shown(Invalidate invalidate) {
        return invalidate.operation() + (invalidate.param().isEmpty() ? "" : "(" + invalidate.param() + ")");
    }
}
