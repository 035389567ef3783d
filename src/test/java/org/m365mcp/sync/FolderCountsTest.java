package org.m365mcp.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FolderCountsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String TREE = "{\"account_id\":\"demo\",\"max_depth\":2,\"folder_count\":2,\"folders\":["
            + "{\"id\":\"inbox-id\",\"name\":\"Inbox\",\"unread_count\":3,\"total_count\":9,\"child_count\":1,"
            + "\"children\":[{\"id\":\"sub\",\"name\":\"Project\",\"unread_count\":1,\"total_count\":2,\"child_count\":0}]}]}";

    private static final String GET = "{\"account_id\":\"demo\",\"folder\":{\"id\":\"sub\",\"name\":\"Project\","
            + "\"parent_id\":\"inbox-id\",\"unread_count\":1,\"total_count\":2,\"child_count\":0}}";

    @Test
    void apply_correctsTheCountsOfAFolderNestedInATree_andLeavesTheRestAsItWas() throws Exception {
        FolderCounts now = new FolderCounts("sub", "Project", "inbox-id", 0, 3, 0);

        JsonNode patched = JSON.readTree(
                FolderCounts.apply(bytes(TREE), Map.of("sub", now)).orElseThrow());

        JsonNode sub = patched.path("folders").get(0).path("children").get(0);
        assertThat(sub.path("unread_count").asInt()).isZero();
        assertThat(sub.path("total_count").asInt()).isEqualTo(3);
        assertThat(patched.path("folders").get(0).path("unread_count").asInt()).isEqualTo(3);
        assertThat(patched.path("folder_count").asInt()).isEqualTo(2);
    }

    @Test
    void apply_toAnAnswerNotShowingTheFolder_givesTheSameBytes() {
        byte[] payload = bytes(GET);

        assertThat(FolderCounts.apply(payload, Map.of("other", new FolderCounts("other", "X", "p", 1, 1, 0))))
                .hasValueSatisfying(same -> assertThat(same).isSameAs(payload));
    }

    @Test
    void apply_toAnAnswerShowingTheFolderOtherwise_cannotCorrectIt() {
        FolderCounts renamed = new FolderCounts("sub", "Renamed", "inbox-id", 0, 3, 0);

        assertThat(FolderCounts.apply(bytes(GET), Map.of("sub", renamed))).isEmpty();
        assertThat(FolderCounts.apply(bytes("not json"), Map.of("sub", renamed)))
                .isEmpty();
    }

    @Test
    void patchable_needsAnAnswerThatPlacesTheFolder_andNoneShowingItOtherwise() throws Exception {
        FolderCounts sub = new FolderCounts("sub", "Project", "inbox-id", 0, 3, 0);
        FolderCounts topOfTree = new FolderCounts("inbox-id", "Inbox", "root-id", 0, 9, 1);
        FolderCounts movedSub = new FolderCounts("sub", "Project", "archive-id", 0, 3, 0);

        assertThat(sub.patchable(List.of(JSON.readTree(TREE), JSON.readTree(GET))))
                .isTrue();
        assertThat(topOfTree.patchable(List.of(JSON.readTree(TREE))))
                .as("a tree of the whole mailbox does not say its top folders' parent")
                .isFalse();
        assertThat(movedSub.patchable(List.of(JSON.readTree(TREE))))
                .as("nested in another folder than its parent now")
                .isFalse();
        assertThat(sub.patchable(List.of())).isFalse();
    }

    @Test
    void of_needsNameParentAndAllThreeCounts_andNeverARemoval() throws Exception {
        assertThat(FolderCounts.of(ChangeMappingTest.folder("f1", "Inbox", "root", 4, 10, 0)))
                .contains(new FolderCounts("f1", "Inbox", "root", 4, 10, 0));
        assertThat(FolderCounts.of(DeltaChange.of(JSON.readTree("{\"id\":\"f1\",\"displayName\":\"Inbox\"}"))))
                .isEmpty();
        assertThat(FolderCounts.of(DeltaChange.of(JSON.readTree("{\"id\":\"f1\",\"@removed\":{}}"))))
                .isEmpty();
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
