package org.m365mcp.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SyncResourceTest {

    private static final Instant NOW = Instant.parse("2026-12-07T15:30:00Z");

    @Test
    void name_thenParse_givesTheSameResource() {
        for (SyncResource resource : new SyncResource[] {
            SyncResource.messages("inbox"),
            SyncResource.messages("AAMkAD:x=="),
            SyncResource.of(SyncKind.MAIL_FOLDERS),
            SyncResource.contacts(""),
            SyncResource.of(SyncKind.EVENTS),
            SyncResource.of(SyncKind.DRIVE)
        }) {
            assertThat(SyncResource.parse(resource.name())).contains(resource);
        }
        assertThat(SyncResource.parse("nonsense")).isEmpty();
        assertThat(SyncResource.parse("messages")).isEmpty();
    }

    @Test
    void firstRequest_isGraphsDeltaFunctionOfEachKind() {
        SyncSettings settings = new SyncSettings();

        assertThat(SyncResource.messages("inbox").firstRequest(NOW, settings))
                .isEqualTo("/me/mailFolders/inbox/messages/delta?$select=id,isRead,flag,isDraft,subject,from,"
                        + "receivedDateTime,bodyPreview,hasAttachments,importance,categories");
        assertThat(SyncResource.contacts("").firstRequest(NOW, settings))
                .isEqualTo("/me/contactFolders/contacts/contacts/delta?$select=id");
        assertThat(SyncResource.of(SyncKind.EVENTS).firstRequest(NOW, settings))
                .isEqualTo("/me/calendarView/delta?startDateTime=2026-11-06T00:00:00Z"
                        + "&endDateTime=2027-12-08T00:00:00Z");
        assertThat(SyncResource.of(SyncKind.DRIVE).firstRequest(NOW, settings))
                .isEqualTo("/me/drive/root/delta?token=latest");
    }

    @Test
    void aFolderIdIsEncodedInThePath() {
        assertThat(SyncResource.messages("a/b c").firstRequest(NOW, new SyncSettings()))
                .startsWith("/me/mailFolders/a%2Fb%20c/messages/delta");
    }

    @Test
    void messagesNeedAFolder_theDriveTakesNone() {
        assertThatIllegalArgumentException().isThrownBy(() -> SyncResource.messages(" "));
        assertThatIllegalArgumentException().isThrownBy(() -> new SyncResource(SyncKind.DRIVE, "x"));
    }
}
