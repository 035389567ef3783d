package org.m365mcp.tools.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.cache.annotation.CacheResult;
import org.junit.jupiter.api.Test;
import org.m365mcp.cache.annotation.Invalidate;
import org.m365mcp.cache.annotation.InvalidatesCache;
import org.m365mcp.mcp.McpTool;

/** What each folder and rule write declares stale (SPEC §3 by the same logic), read from its annotations. */
class FolderAndRuleInvalidationsTest {

    private static final Set<String> FOLDER_READS =
            Set.of("emailfolders_list", "emailfolders_get", "emailfolders_get_tree");
    private static final Set<String> FOLDER_AND_MAIL_READS = Stream.concat(
                    FOLDER_READS.stream(), Stream.of("email_list", "email_get"))
            .collect(Collectors.toSet());
    private static final Set<String> RULE_READS = Set.of("emailrules_list", "emailrules_get");

    @Test
    void writeTools_invalidateEveryEntryOfTheReadsTheyChange() {
        Map<String, Set<String>> declared = declaredInvalidations();

        assertThat(declared)
                .containsOnlyKeys(
                        "emailfolders_create",
                        "emailfolders_rename",
                        "emailfolders_move",
                        "emailfolders_delete",
                        "emailfolders_mark_all_as_read",
                        "emailfolders_empty",
                        "emailrules_create",
                        "emailrules_update",
                        "emailrules_delete",
                        "emailrules_move_top",
                        "emailrules_move_bottom",
                        "emailrules_move_up",
                        "emailrules_move_down");
        Stream.of("emailfolders_create", "emailfolders_rename", "emailfolders_move")
                .forEach(tool -> assertThat(declared.get(tool)).as(tool).isEqualTo(FOLDER_READS));
        Stream.of("emailfolders_delete", "emailfolders_mark_all_as_read", "emailfolders_empty")
                .forEach(tool -> assertThat(declared.get(tool)).as(tool).isEqualTo(FOLDER_AND_MAIL_READS));
        declared.keySet().stream()
                .filter(tool -> tool.startsWith("emailrules_"))
                .forEach(tool -> assertThat(declared.get(tool)).as(tool).isEqualTo(RULE_READS));
    }

    @Test
    void invalidations_areWholeOperations_andNameCachedReads() {
        Set<String> cached = cachedReads();
        Set<String> folderAndRuleReads =
                Stream.concat(FOLDER_READS.stream(), RULE_READS.stream()).collect(Collectors.toSet());

        assertThat(cached).containsAll(folderAndRuleReads).contains("email_list");
        for (Method method : writeMethods()) {
            for (Invalidate invalidate :
                    method.getAnnotation(InvalidatesCache.class).value()) {
                assertThat(invalidate.param()).as(method.getName()).isEmpty();
            }
        }
    }

    private static Map<String, Set<String>> declaredInvalidations() {
        Map<String, Set<String>> declared = new HashMap<>();
        for (Method method : writeMethods()) {
            declared.put(
                    method.getAnnotation(McpTool.class).name(),
                    Arrays.stream(method.getAnnotation(InvalidatesCache.class).value())
                            .map(Invalidate::operation)
                            .flatMap(FolderAndRuleInvalidationsTest::cachedReadsOf)
                            .collect(Collectors.toSet()));
        }
        return declared;
    }

    /** The cached reads an invalidated operation stands for: itself, or each read of its family. */
    private static Stream<String> cachedReadsOf(String operation) {
        if (!operation.endsWith(Invalidate.FAMILY)) {
            return Stream.of(operation);
        }
        String prefix = operation.substring(0, operation.length() - 1);
        return cachedReads().stream().filter(read -> read.startsWith(prefix));
    }

    private static Set<String> cachedReads() {
        return Stream.of(MailFolderTools.class, MailRuleTools.class, MailTools.class)
                .flatMap(type -> Arrays.stream(type.getMethods()))
                .filter(m -> m.isAnnotationPresent(CacheResult.class))
                .map(m -> m.getAnnotation(CacheResult.class).cacheName())
                .collect(Collectors.toSet());
    }

    private static java.util.List<Method> writeMethods() {
        return Stream.of(
                        MailFolderTools.class,
                        MailFolderSweepTools.class,
                        MailRuleTools.class,
                        MailRuleOrderTools.class)
                .flatMap(type -> Arrays.stream(type.getMethods()))
                .filter(m -> m.isAnnotationPresent(McpTool.class)
                        && !m.getAnnotation(McpTool.class).readOnly())
                .peek(m -> assertThat(m.isAnnotationPresent(InvalidatesCache.class))
                        .as(m.getName())
                        .isTrue())
                .toList();
    }
}
