package org.m365mcp.tools.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.m365mcp.graph.auth.SignedInAccount;
import org.m365mcp.sandbox.SandboxServer;
import org.m365mcp.tools.Accounts;
import org.m365mcp.tools.DownloadFolder;

/**
 * What the mail read tools send to Graph, which the MCP-level tests cannot see: the body format
 * asked for, the {@code $search} phrase and its header. The tools run without CDI (hence without
 * the cache) against the sandbox over HTTP.
 */
class MailToolsAgainstSandboxTest {

    private final SandboxServer sandbox = SandboxServer.start();
    private final MailTools tools = new MailTools();

    @TempDir
    Path downloads;

    @BeforeEach
    void wire() {
        tools.graph = sandbox.client(Duration.ofSeconds(5), 0);
        tools.downloads = new DownloadFolder(downloads);
        tools.maxBodyChars = 20_000;
        tools.accounts = new Accounts() {
            @Override
            public SignedInAccount require(String accountId) {
                return new SignedInAccount(accountId, accountId + "@contoso.sandbox", accountId, "tenant");
            }
        };
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private String firstInboxId() {
        return tools.emailList("demo", "inbox", 1, 0, false, true, false)
                .messages()
                .get(0)
                .id();
    }

    @Test
    void emailGet_bodyFormat_askedOfGraphWithPreferHeader() {
        String id = firstInboxId();

        tools.emailGet("demo", id, "html", 0, true, false);
        tools.emailGet("demo", id, "text", 0, true, false);

        assertThat(sandbox.received("/v1.0/me/messages/" + id))
                .extracting(r -> r.header("Prefer").orElse(""))
                .containsExactly("outlook.body-content-type=\"html\"", "outlook.body-content-type=\"text\"");
    }

    @Test
    void emailGet_bodyLongerThanTheSetting_cutWithAMarker_andBodyOffsetReadsTheRest() {
        String id = firstInboxId();
        String whole = tools.emailGet("demo", id, "text", 0, true, false).body();
        tools.maxBodyChars = 10;

        EmailDetail first = tools.emailGet("demo", id, "text", 0, true, false);
        StringBuilder read = new StringBuilder(first.body());
        Integer next = first.nextBodyOffset();
        while (next != null) {
            EmailDetail part = tools.emailGet("demo", id, "text", next, true, false);
            read.append(part.body());
            next = part.nextBodyOffset();
        }

        assertThat(whole.length()).isGreaterThan(10);
        assertThat(first.body()).hasSize(10);
        assertThat(first.bodyTruncated()).isTrue();
        assertThat(first.bodyNote()).contains("call email_get with body_offset=10");
        assertThat(read.toString()).isEqualTo(whole);
    }

    @Test
    void emailList_includeBody_asksForTextBodies_withoutItAsksForNoBody() {
        tools.emailList("demo", "drafts", 2, 0, true, true, false);
        tools.emailList("demo", "drafts", 2, 0, false, true, false);

        var requests = sandbox.received("/v1.0/me/mailFolders/drafts/messages");
        assertThat(requests.get(0).header("Prefer")).contains("outlook.body-content-type=\"text\"");
        assertThat(decoded(requests.get(0).rawQuery())).contains("$select=" + EmailSummary.FIELDS + ",body&");
        assertThat(requests.get(1).header("Prefer")).isEmpty();
        assertThat(decoded(requests.get(1).rawQuery())).contains("$select=" + EmailSummary.FIELDS + "&");
    }

    @Test
    void searchEmails_sendsTheEscapedPhrase_withConsistencyLevelEventual() {
        SearchEmailsAnswer answer = tools.searchEmails("demo", "subject:\"budget\" contoso", "", 5, true, false);

        var request = sandbox.received("/v1.0/me/messages").get(0);
        assertThat(decoded(request.rawQuery())).contains("$search=\"subject:\\\"budget\\\" contoso\"");
        assertThat(request.header("ConsistencyLevel")).contains("eventual");
        assertThat(answer.messages()).allSatisfy(m -> assertThat(m.subject()).containsIgnoringCase("budget"));
    }

    @Test
    void emailGetAttachment_defaultName_isTheAttachmentsOwnSafeName() throws Exception {
        EmailSummary withAttachment = tools.emailList("demo", "inbox", 50, 0, false, true, false).messages().stream()
                .filter(EmailSummary::hasAttachments)
                .findFirst()
                .orElseThrow();
        AttachmentInfo attachment = tools.emailGet("demo", withAttachment.id(), "text", 0, true, false)
                .attachments()
                .get(0);

        AttachmentSaved saved = tools.emailGetAttachment("demo", withAttachment.id(), attachment.id(), "", false);

        assertThat(Path.of(saved.path())).isEqualTo(downloads.resolve(attachment.name()));
        assertThat(saved.size())
                .isEqualTo(attachment.size())
                .isEqualTo(java.nio.file.Files.size(Path.of(saved.path())));
    }

    private static String decoded(String rawQuery) {
        return URLDecoder.decode(rawQuery, StandardCharsets.UTF_8);
    }
}
