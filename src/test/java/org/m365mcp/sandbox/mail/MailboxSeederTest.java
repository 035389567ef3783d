package org.m365mcp.sandbox.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.m365mcp.sandbox.common.Recipient;

class MailboxSeederTest {

    static final Instant ANCHOR = Instant.parse("2026-01-15T09:30:00Z");
    static final Recipient ADELE = new Recipient("Adele Vance", "adele.vance@contoso.sandbox");

    static Mailbox demo() {
        return Mailbox.seeded(
                "demo", ADELE, 20_260_115L, ANCHOR, Clock.fixed(ANCHOR, ZoneOffset.UTC), MailDelivery.NONE);
    }

    private final Mailbox demo = demo();

    private List<ObjectNode> in(String folder) {
        return demo.messages(demo.requireFolder(folder));
    }

    @Test
    void build_sameSeed_identicalMailbox() {
        Mailbox again = demo();

        assertThat(again.allMessages()).isEqualTo(demo.allMessages());
        assertThat(again.folders()).isEqualTo(demo.folders());
    }

    @Test
    void build_keepsTheFirstReleasesIds() {
        // The ids tools and caches saw before the sandbox grew: derived from folder and position only.
        assertThat(demo.requireFolder("inbox").id())
                .isEqualTo(org.m365mcp.sandbox.common.SandboxIds.folder("demo", "inbox"));
        assertThat(in("inbox"))
                .extracting(m -> m.path("id").asText())
                .contains(org.m365mcp.sandbox.common.SandboxIds.message("demo", "inbox/0"));
    }

    @Test
    void build_wellKnownFolders_haveConfiguredSizes_andNestedUserFolders() {
        MailboxSeeder.FOLDER_SIZES.forEach(
                (name, size) -> assertThat(in(name)).as(name).hasSize(size));
        MailFolder projects = demo.folders().stream()
                .filter(f -> f.displayName().equals("Projects"))
                .findFirst()
                .orElseThrow();
        assertThat(projects.parentFolderId())
                .isEqualTo(demo.requireFolder("inbox").id());
        assertThat(demo.childFolders(projects.id()))
                .extracting(MailFolder::displayName)
                .containsExactly("Mark 8", "Contoso Retail");
        assertThat(demo.messages(demo.childFolders(projects.id()).get(0))).hasSize(9);
        assertThat(demo.allMessages()).hasSize(120 + 30 + 5 + 12 + 25 + 6 + 9 + 7 + 6 + 5 + 8);
    }

    @Test
    void build_inbox_newestFirstBeforeAnchor_withGraphLikeIds() {
        List<ObjectNode> inbox = in("inbox");

        assertThat(inbox)
                .extracting(m -> m.path("receivedDateTime").asText())
                .isSortedAccordingTo((a, b) -> b.compareTo(a))
                .allMatch(d -> Instant.parse(d).isBefore(ANCHOR));
        assertThat(inbox)
                .extracting(m -> m.path("id").asText())
                .doesNotHaveDuplicates()
                .allMatch(id -> id.matches("AAMkAG[A-Za-z0-9_-]+AAA="));
        assertThat(inbox).allMatch(m -> m.path("toRecipients").toString().contains("adele.vance@contoso.sandbox"));
    }

    @Test
    void build_inbox_isRealisticMix() {
        List<ObjectNode> inbox = in("inbox");

        assertThat(inbox)
                .anyMatch(m -> !m.path("isRead").asBoolean())
                .anyMatch(m -> m.path("isRead").asBoolean())
                .anyMatch(m -> m.path("hasAttachments").asBoolean())
                .anyMatch(m -> m.path("importance").asText().equals("high"))
                .anyMatch(m -> m.path("flag").path("flagStatus").asText().equals("flagged"))
                .anyMatch(m -> !m.path("categories").isEmpty())
                .anyMatch(m -> m.path("subject").asText().startsWith("RE: "));
        assertThat(inbox.stream()
                        .map(m -> m.path("conversationId").asText())
                        .distinct()
                        .count())
                .isLessThan(inbox.size());
    }

    @Test
    void build_everyMessageWithAttachments_hasOneFileWithBytes() {
        List<ObjectNode> withFiles = demo.allMessages().stream()
                .filter(m -> m.path("hasAttachments").asBoolean())
                .toList();

        assertThat(withFiles).isNotEmpty().allSatisfy(m -> {
            List<ObjectNode> files = demo.attachments(m.path("id").asText());
            assertThat(files).hasSize(1);
            byte[] bytes = java.util.Base64.getDecoder()
                    .decode(files.get(0).path("contentBytes").asText());
            assertThat(bytes).hasSize(files.get(0).path("size").asInt());
        });
    }

    @Test
    void build_sentAndDrafts_areFromOwner() {
        assertThat(in("sentitems"))
                .allMatch(m -> m.path("from")
                                .path("emailAddress")
                                .path("address")
                                .asText()
                                .equals(ADELE.address())
                        && m.path("isRead").asBoolean()
                        && !m.path("isDraft").asBoolean());
        assertThat(in("drafts")).allMatch(m -> m.path("isDraft").asBoolean());
    }
}
