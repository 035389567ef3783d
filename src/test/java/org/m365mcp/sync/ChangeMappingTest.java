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
    void aChangedMessage_dropsItsGet_itsFoldersListings_theMailSearches_andTheFolderCounts() throws Exception {
        assertThat(ChangeMapping.of(SyncResource.messages("inbox"), change("{\"id\":\"m1\",\"isRead\":true}")))
                .containsExactlyInAnyOrder(
                        Invalidation.where("email_get", "message_id", "m1"),
                        Invalidation.where("email_list", "folder", "inbox"),
                        Invalidation.all("search_emails"),
                        Invalidation.all("emailfolders_*"),
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
                .containsExactlyInAnyOrder(
                        Invalidation.where("email_get", "message_id", "m1"),
                        Invalidation.all("search_emails"),
                        Invalidation.all("emailfolders_*"),
                        Invalidation.all("search_unified"));
        assertThat(read.patches())
                .extracting(MessageState::id, MessageState::isRead)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("m1", true));
        assertThat(renamed.stale()).contains(Invalidation.where("email_list", "folder", "inbox"));
        assertThat(renamed.patches()).isEmpty();
    }

    private static CachedState cached(EventWindows windows, List<JsonNode> pages) {
        return new CachedState() {
            @Override
            public Optional<EventWindows> eventWindows() {
                return Optional.of(windows);
            }

            @Override
            public List<JsonNode> listings(String folder) {
                return folder.equals("inbox") ? pages : List.of();
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
