package org.m365mcp.sandbox.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.m365mcp.sandbox.common.GraphRequest;
import org.m365mcp.sandbox.common.Json;
import org.m365mcp.sandbox.common.Recipient;
import org.m365mcp.sandbox.common.SandboxGraphException;

/** The mail logic called directly, without HTTP: resources as plain Java, actions under concurrency. */
class MessageActionsTest {

    private static final Recipient MEGAN = new Recipient("Megan Bowen", "megan.bowen@contoso.sandbox");

    private static ObjectNode draftTo(Recipient to, String subject) {
        ObjectNode draft = Json.object().put("subject", subject);
        draft.putArray("toRecipients").add(to.toJson());
        return draft;
    }

    @Test
    void resource_listCalledDirectly_pagesWithNextLink() {
        Mailbox demo = MailboxSeederTest.demo();
        URI root = URI.create("http://h/sandbox/v1.0");
        GraphRequest request =
                GraphRequest.of(root, URI.create(root + "/me/mailFolders/drafts/messages?$top=2"), Map.of("$top", "2"));

        String body =
                (String) new MessagesResource(demo, request, "drafts").list().getEntity();

        assertThat(body)
                .contains(
                        "\"@odata.nextLink\":\"http://h/sandbox/v1.0/me/mailFolders/drafts/messages?$top=2&$skip=2\"");
        assertThat(Json.body(body).path("value")).hasSize(2);
    }

    @Test
    void createMoveDelete_manyThreads_exactCountsAfterwards() throws Exception {
        Mailbox demo = MailboxSeederTest.demo();
        MessageActions actions = new MessageActions(demo);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                work.add(pool.submit(() -> {
                    for (int i = 0; i < 25; i++) {
                        String id = actions.createDraft(null, draftTo(MEGAN, thread + "/" + i))
                                .path("id")
                                .asText();
                        String moved = actions.move(id, Json.object().put("destinationId", "archive"))
                                .path("id")
                                .asText();
                        if (i % 5 == 0) {
                            actions.delete(moved);
                        }
                    }
                }));
            }
            for (Future<?> f : work) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(demo.messages(demo.requireFolder("drafts"))).hasSize(5);
        assertThat(demo.messages(demo.requireFolder("archive"))).hasSize(25 + 8 * 20);
        assertThat(demo.messages(demo.requireFolder("deleteditems"))).hasSize(12 + 8 * 5);
        assertThat(demo.allMessages()).extracting(m -> m.path("id").asText()).doesNotHaveDuplicates();
    }

    @Test
    void send_betweenTwoMailboxesBothWays_concurrently_noDeadlockAndEverythingDelivered() throws Exception {
        AtomicReference<Mailbox> adeleRef = new AtomicReference<>();
        AtomicReference<Mailbox> meganRef = new AtomicReference<>();
        Clock clock = Clock.fixed(MailboxSeederTest.ANCHOR, ZoneOffset.UTC);
        MailDelivery delivery =
                (sent, to) -> (to.equals(MEGAN) ? meganRef : adeleRef).get().receive(sent);
        adeleRef.set(Mailbox.seeded("demo", MailboxSeederTest.ADELE, 1, MailboxSeederTest.ANCHOR, clock, delivery));
        meganRef.set(Mailbox.seeded("demo2", MEGAN, 2, MailboxSeederTest.ANCHOR, clock, delivery));
        int inboxBefore =
                adeleRef.get().messages(adeleRef.get().requireFolder("inbox")).size();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                boolean fromAdele = t % 2 == 0;
                work.add(pool.submit(() -> {
                    Mailbox from = fromAdele ? adeleRef.get() : meganRef.get();
                    Recipient to = fromAdele ? MEGAN : MailboxSeederTest.ADELE;
                    for (int i = 0; i < 50; i++) {
                        new MessageActions(from).sendMail(Json.object().set("message", draftTo(to, "ping " + i)));
                    }
                }));
            }
            for (Future<?> f : work) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        Mailbox adele = adeleRef.get();
        assertThat(adele.messages(adele.requireFolder("inbox"))).hasSize(inboxBefore + 100);
        assertThat(adele.messages(adele.requireFolder("inbox"))
                        .get(0)
                        .path("isRead")
                        .asBoolean())
                .isFalse();
    }

    @Test
    void send_aMessageThatIsNotADraft_orWithoutRecipients_is400() {
        Mailbox demo = MailboxSeederTest.demo();
        MessageActions actions = new MessageActions(demo);
        String received =
                demo.messages(demo.requireFolder("inbox")).get(0).path("id").asText();
        String empty = actions.createDraft(null, Json.object().put("subject", "nobody"))
                .path("id")
                .asText();

        assertThatThrownBy(() -> actions.send(received))
                .isInstanceOfSatisfying(
                        SandboxGraphException.class, e -> assertThat(e.code()).isEqualTo("ErrorInvalidRequest"));
        assertThatThrownBy(() -> actions.send(empty))
                .isInstanceOfSatisfying(
                        SandboxGraphException.class, e -> assertThat(e.code()).isEqualTo("ErrorInvalidRecipients"));
        assertThat(demo.message(empty).path("isDraft").asBoolean()).isTrue(); // a failed send changes nothing
    }
}
