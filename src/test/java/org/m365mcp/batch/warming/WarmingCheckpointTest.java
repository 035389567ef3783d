package org.m365mcp.batch.warming;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WarmingCheckpointTest {

    private static final List<WarmingEntry> PLAN = List.of(
            new WarmingEntry("folder_get_tree", 1, Map.of(), Duration.ZERO),
            new WarmingEntry("email_list", 2, Map.of("limit", 50), Duration.ZERO));

    @Test
    void restart_afterAnAccountSignedOutAndAnotherIn_skipsExactlyTheFinishedItems() {
        List<WarmingItem> first = WarmingPlan.items(PLAN, List.of("alice", "bob"));
        WarmingCheckpoint checkpoint = WarmingCheckpoint.NONE.with(first.get(0)).with(first.get(1));

        // bob signed out, carol signed in: by position, the restart would skip carol's first item.
        List<WarmingItem> restarted = WarmingPlan.items(PLAN, List.of("alice", "carol"));

        assertThat(restarted.stream().filter(item -> !checkpoint.finished(item)).map(WarmingItem::id))
                .containsExactly("folder_get_tree@carol", "email_list@alice", "email_list@carol");
    }

    @Test
    void accountsOfFinishedOutside_anAccountSignedOutBeforeTheRestart_itsFinishedItemsStillCount() {
        List<WarmingItem> first = WarmingPlan.items(PLAN, List.of("alice", "bob"));
        WarmingCheckpoint checkpoint =
                WarmingCheckpoint.NONE.with(first.get(0)).with(first.get(1)).with(first.get(2));

        List<WarmingItem> restarted = WarmingPlan.items(PLAN, List.of("alice"));

        // folder_get_tree@alice and email_list@alice are still planned; bob's folder tree is not.
        assertThat(checkpoint.accountsOfFinishedOutside(restarted)).containsExactly("bob");
        assertThat(checkpoint.accountsOfFinishedOutside(first)).isEmpty();
    }

    @Test
    void info_survivesJavaSerializationAsTheJobRepositoryStoresIt() throws Exception {
        List<WarmingItem> items = WarmingPlan.items(PLAN, List.of("alice"));
        WarmingCheckpoint checkpoint = WarmingCheckpoint.NONE.with(items.get(0));

        WarmingCheckpoint read = WarmingCheckpoint.of(roundTrip(checkpoint.info()));

        assertThat(read.finished(items.get(0))).isTrue();
        assertThat(read.finished(items.get(1))).isFalse();
        assertThat(checkpoint.info()).isInstanceOf(String.class);
    }

    @Test
    void of_firstRunOrUnknownCheckpoint_nothingFinished() {
        WarmingItem item = WarmingPlan.items(PLAN, List.of("alice")).get(0);

        assertThat(WarmingCheckpoint.of(null).finished(item)).isFalse();
        assertThat(WarmingCheckpoint.of(3).finished(item)).isFalse();
        assertThat(WarmingCheckpoint.of("").finished(item)).isFalse();
    }

    private static Serializable roundTrip(Serializable value) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (Serializable) in.readObject();
        }
    }
}
