package org.m365mcp.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChangeMappingTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static DeltaChange change(String json) throws Exception {
        return DeltaChange.of(JSON.readTree(json));
    }

    @Test
    void aChangedMessage_dropsItsGet_itsFoldersListings_andTheMailSearches_butNotTheFolderCounts() throws Exception {
        // The counts it moved come with the mail folders' delta, which the round asks for (DeltaSync).
        assertThat(ChangeMapping.of(SyncResource.messages("inbox"), change("{\"id\":\"m1\",\"isRead\":true}")))
                .containsExactlyInAnyOrder(
                        Invalidation.where("email_get", "message_id", "m1"),
                        Invalidation.where("email_list", "folder", "inbox"),
                        Invalidation.all("search_emails"),
                        Invalidation.all("search_unified"));
    }

    @Test
    void aMessageMovedOut_isARemovalInTheSourceFolder_droppingTheSourceListings() throws Exception {
        DeltaChange moved = change("{\"id\":\"m1\",\"@removed\":{\"reason\":\"deleted\"}}");

        assertThat(moved.removed()).isTrue();
        assertThat(ChangeMapping.of(SyncResource.messages("archive"), moved))
                .contains(
                        Invalidation.where("email_list", "folder", "archive"),
                        Invalidation.where("email_get", "message_id", "m1"))
                .doesNotContain(Invalidation.where("email_list", "folder", "inbox"));
    }

    @Test
    void aRemovedMailFolder_alsoDropsItsOwnListings_aRenamedOneOnlyTheFolderOperations() throws Exception {
        assertThat(ChangeMapping.of(
                        SyncResource.of(SyncKind.MAIL_FOLDERS),
                        change("{\"id\":\"f9\",\"@removed\":{\"reason\":\"deleted\"}}")))
                .contains(Invalidation.all("emailfolders_*"), Invalidation.where("email_list", "folder", "f9"));
        assertThat(ChangeMapping.of(
                        SyncResource.of(SyncKind.MAIL_FOLDERS), change("{\"id\":\"f9\",\"displayName\":\"New\"}")))
                .containsExactlyInAnyOrder(Invalidation.all("emailfolders_*"), Invalidation.all("search_unified"));
    }

    @Test
    void aContact_dropsItsGet_theListsAndTheContactSearches() throws Exception {
        assertThat(ChangeMapping.of(SyncResource.contacts(""), change("{\"id\":\"c1\"}")))
                .containsExactlyInAnyOrder(
                        Invalidation.where("contact_get", "contact_id", "c1"),
                        Invalidation.all("contact_list"),
                        Invalidation.all("search_contacts"),
                        Invalidation.all("search_unified"));
    }

    @Test
    void anEvent_withoutALookAtTheCache_dropsItsGet_theWindows_theEventSearches_andFreeBusy() throws Exception {
        assertThat(ChangeMapping.of(SyncResource.of(SyncKind.EVENTS), change("{\"id\":\"e1\"}")))
                .contains(
                        Invalidation.where("calendar_get_event", "event_id", "e1"),
                        Invalidation.all("calendar_list_events"),
                        Invalidation.all("search_events"),
                        Invalidation.all("calendar_get_free_busy"),
                        Invalidation.all("calendar_check_availability"));
    }

    @Test
    void anEventMoved_dropsTheCachedWindowsOfItsOldAndNewTimeByKey_notTheOthers() throws Exception {
        CachedState cached = cached(
                new EventWindows(
                        List.of(
                                EventWindowsTest.window(
                                        "calendar_list_events:demo:start=2026-12-10", "2026-12-10", "e1@10"),
                                EventWindowsTest.window("calendar_list_events:demo:start=2026-12-12", "2026-12-12"),
                                EventWindowsTest.window("calendar_list_events:demo:start=2026-12-14", "2026-12-14"),
                                EventWindowsTest.freeBusy("calendar_get_free_busy:demo:x", "2026-12-16")),
                        Map.of(),
                        Optional.empty()),
                List.of());

        ChangeEffects effects = ChangeMapping.of(
                SyncResource.of(SyncKind.EVENTS), EventWindowsTest.changed("e1", "2026-12-12", "10"), cached);

        assertThat(effects.stale())
                .containsExactlyInAnyOrder(
                        Invalidation.where("calendar_get_event", "event_id", "e1"),
                        Invalidation.all("search_events"),
                        Invalidation.entry("calendar_list_events", "calendar_list_events:demo:start=2026-12-10"),
                        Invalidation.entry("calendar_list_events", "calendar_list_events:demo:start=2026-12-12"),
                        Invalidation.all("search_unified"));
        assertThat(effects.patches()).isEmpty();
    }

    @Test
    void aListedMessageReadElsewhere_isPatchedIntoItsFoldersPages_otherwiseDroppedAsAnyChange() throws Exception {
        CachedState cached = cached(
                EventWindows.NONE,
                List.of(JSON.readTree(ListingPatchTest.page(ListingPatchTest.listed("m1", "Lunch", false)))));
        SyncResource inbox = SyncResource.messages("inbox");

        ChangeEffects read = ChangeMapping.of(inbox, ListingPatchTest.reported("m1", "Lunch", true, false), cached);
        ChangeEffects renamed = ChangeMapping.of(inbox, ListingPatchTest.reported("m1", "Dinner", true, false), cached);

        assertThat(read.stale())
                .as("its email_get is patched too, or dropped where it cannot be")
                .containsExactlyInAnyOrder(Invalidation.all("search_emails"), Invalidation.all("search_unified"));
        assertThat(read.details()).extracting(MessageState::id).containsExactly("m1");
        assertThat(read.patches())
                .extracting(MessageState::id, MessageState::isRead)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("m1", true));
        assertThat(renamed.stale()).contains(Invalidation.where("email_list", "folder", "inbox"));
        assertThat(renamed.patches()).isEmpty();
    }

    @Test
    void aCachedFolderWhoseCountsOnlyChanged_isPatched_aRenamedOrMovedOneDropsTheFolderAnswers() throws Exception {
        JsonNode list = JSON.readTree("{\"account_id\":\"demo\",\"folders\":[{\"id\":\"f1\",\"name\":\"Inbox\","
                + "\"parent_id\":\"root\",\"unread_count\":3,\"total_count\":9,\"child_count\":0}]}");
        CachedState cached = cached(Optional.empty(), List.of(), List.of(list));
        SyncResource folders = SyncResource.of(SyncKind.MAIL_FOLDERS);

        ChangeEffects counted = ChangeMapping.of(folders, folder("f1", "Inbox", "root", 4, 10, 0), cached);
        ChangeEffects renamed = ChangeMapping.of(folders, folder("f1", "Post", "root", 4, 10, 0), cached);
        ChangeEffects moved = ChangeMapping.of(folders, folder("f1", "Inbox", "elsewhere", 4, 10, 0), cached);
        ChangeEffects gainedAChild = ChangeMapping.of(folders, folder("f1", "Inbox", "root", 4, 10, 1), cached);
        ChangeEffects unknown = ChangeMapping.of(folders, folder("f2", "New", "root", 0, 0, 0), cached);

        assertThat(counted.stale()).containsExactly(Invalidation.all("search_unified"));
        assertThat(counted.counts()).extracting(FolderCounts::unread).containsExactly(4);
        for (ChangeEffects dropped : List.of(renamed, moved, gainedAChild, unknown)) {
            assertThat(dropped.stale()).contains(Invalidation.all("emailfolders_*"));
            assertThat(dropped.counts()).isEmpty();
        }
    }

    static DeltaChange folder(String id, String name, String parent, int unread, int total, int children)
            throws Exception {
        return change("{\"id\":\"" + id + "\",\"displayName\":\"" + name + "\",\"parentFolderId\":\"" + parent
                + "\",\"unreadItemCount\":" + unread + ",\"totalItemCount\":" + total + ",\"childFolderCount\":"
                + children + "}");
    }

    private static CachedState cached(EventWindows windows, List<JsonNode> pages) {
        return cached(Optional.of(windows), pages, List.of());
    }

    private static CachedState cached(
            Optional<EventWindows> windows, List<JsonNode> inboxPages, List<JsonNode> folders) {
        return new CachedState() {
            @Override
            public Optional<EventWindows> eventWindows() {
                return windows;
            }

            @Override
            public List<JsonNode> listings(String folder) {
                return folder.equals("inbox") ? inboxPages : List.of();
            }

            @Override
            public List<JsonNode> folderAnswers() {
                return folders;
            }
        };
    }

    @Test
    void aDriveItem_dropsItsGets_theListingsTreesAndFileSearches() throws Exception {
        DeltaChange deleted = change("{\"id\":\"d1\",\"deleted\":{\"state\":\"deleted\"}}");

        assertThat(deleted.removed()).isTrue();
        assertThat(ChangeMapping.of(SyncResource.of(SyncKind.DRIVE), deleted))
                .contains(
                        Invalidation.where("file_get", "file_id", "d1"),
                        Invalidation.where("folder_get", "folder", "d1"),
                        Invalidation.all("file_list"),
                        Invalidation.all("folder_list"),
                        Invalidation.all("folder_get_tree"),
                        Invalidation.all("search_files"));
    }

    @Test
    void aResync_dropsEverythingTheResourceMayHaveChanged_notOtherKinds() {
        assertThat(ChangeMapping.ofResync(SyncResource.messages("inbox")))
                .contains(Invalidation.all("email_get"), Invalidation.where("email_list", "folder", "inbox"))
                .doesNotContain(Invalidation.all("file_list"), Invalidation.all("contact_list"));
        assertThat(ChangeMapping.ofResync(SyncResource.of(SyncKind.DRIVE)))
                .contains(Invalidation.all("file_get"), Invalidation.all("folder_get_tree"))
                .doesNotContain(Invalidation.all("email_get"));
    }

    @Test
    void invalidation_refusesAFamilyWithAParam_andAParamWithoutValue() {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> new Invalidation("emailfolders_*", "folder", "x", null));
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> new Invalidation("email_get", "message_id", null, null));
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> new Invalidation("email_get", "message_id", "m1", "email_get:demo:message_id=m1"));
    }
}
