package org.m365mcp.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MailboxSeederTest {

    private final Mailbox demo = SandboxTenant.demoMailbox();

    @Test
    void build_sameSeed_identicalMailbox() {
        Mailbox again = SandboxTenant.demoMailbox();

        for (String folder : List.of("inbox", "sentitems", "drafts")) {
            assertThat(again.messages(again.folder(folder).orElseThrow()))
                    .isEqualTo(demo.messages(demo.folder(folder).orElseThrow()));
        }
        assertThat(again.folders()).isEqualTo(demo.folders());
    }

    @Test
    void build_wellKnownFolders_haveConfiguredSizes() {
        MailboxSeeder.FOLDER_SIZES.forEach((name, size) ->
                assertThat(demo.messages(demo.folder(name).orElseThrow())).as(name).hasSize(size));
        assertThat(demo.folder("INBOX")).isPresent();
        assertThat(demo.folder("Inbox").orElseThrow().id()).startsWith("AQMkAG");
    }

    @Test
    void build_inbox_newestFirstBeforeAnchor_withGraphLikeIds() {
        List<SandboxMessage> inbox = demo.messages(demo.folder("inbox").orElseThrow());

        assertThat(inbox).isSortedAccordingTo((a, b) -> b.receivedDateTime().compareTo(a.receivedDateTime()));
        assertThat(inbox.get(0).receivedDateTime()).isBefore(SandboxTenant.SEED_ANCHOR);
        assertThat(inbox).extracting(SandboxMessage::id).doesNotHaveDuplicates()
                .allMatch(id -> id.matches("AAMkAG[A-Za-z0-9_-]+AAA="));
        assertThat(inbox).allMatch(m -> m.toRecipients().contains(demo.owner()));
    }

    @Test
    void build_inbox_isRealisticMix() {
        List<SandboxMessage> inbox = demo.messages(demo.folder("inbox").orElseThrow());

        assertThat(inbox).anyMatch(m -> !m.isRead()).anyMatch(SandboxMessage::isRead)
                .anyMatch(SandboxMessage::hasAttachments)
                .anyMatch(m -> m.importance().equals("high"))
                .anyMatch(m -> m.flagStatus().equals("flagged"))
                .anyMatch(m -> !m.categories().isEmpty())
                .anyMatch(m -> m.subject().startsWith("RE: "));
        assertThat(inbox.stream().map(SandboxMessage::conversationId).distinct().count())
                .isLessThan(inbox.size());
    }

    @Test
    void build_sentAndDrafts_areFromOwner() {
        assertThat(demo.messages(demo.folder("sentitems").orElseThrow()))
                .allMatch(m -> m.from().equals(demo.owner()) && m.isRead() && !m.isDraft());
        assertThat(demo.messages(demo.folder("drafts").orElseThrow()))
                .allMatch(m -> m.from().equals(demo.owner()) && m.isDraft());
    }

    @Test
    void mailbox_addressedByAccountIdAddressOrGuid() {
        assertThat(demo.isAddressedBy("demo")).isTrue();
        assertThat(demo.isAddressedBy("Adele.Vance@contoso.sandbox")).isTrue();
        assertThat(demo.isAddressedBy(demo.userId())).isTrue();
        assertThat(demo.isAddressedBy("megan.bowen@contoso.sandbox")).isFalse();
    }
}
