package org.m365mcp.sync.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.m365mcp.cache.store.TestClock;
import org.m365mcp.sandbox.SandboxServer;
import org.m365mcp.sandbox.SandboxTenant;
import org.m365mcp.sandbox.WebhookReceiver;
import org.m365mcp.sync.ChangeSignals;
import org.m365mcp.sync.SyncKind;

/**
 * Subscriptions kept against the sandbox's real {@code /subscriptions} (its handshake against a loopback
 * webhook, its lifetime limits), on one clock shared with it: created per account and resource, renewed
 * when due, deleted for accounts signed out, recreated after {@code subscriptionRemoved}.
 */
class SubscriptionsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DEMO = SandboxTenant.DEMO_ACCOUNT_ID;

    private final TestClock clock = new TestClock(SandboxServer.NOW);
    private final SandboxServer sandbox = SandboxServer.startHttps(clock);
    private final WebhookReceiver webhook = new WebhookReceiver();
    private final SubscriptionBook book = new SubscriptionBook(clock);
    private final List<String> missed = new ArrayList<>();
    private final Subscriptions subscriptions = new Subscriptions(
            book,
            new SubscriptionClient(sandbox.client(Duration.ofSeconds(10), 0)),
            new WebhookUrls(
                    URI.create(webhook.url(WebhookUrls.CHANGES)), URI.create(webhook.url(WebhookUrls.LIFECYCLE))),
            new RenewalPolicy(Duration.ofHours(70), Duration.ofHours(12)),
            Duration.ofMinutes(1),
            clock,
            () -> Optional.of(new ChangeSignals() {
                @Override
                public void changed(String accountId, SyncKind kind) {}

                @Override
                public void missed(String accountId, SyncKind kind) {
                    missed.add(accountId + " " + kind.label());
                }
            }));

    @AfterEach
    void stop() {
        webhook.close();
        sandbox.close();
    }

    @Test
    void check_signedInAccount_oneValidatedSubscriptionPerResource() throws Exception {
        subscriptions.check(Set.of(DEMO));

        JsonNode atGraph = list();
        assertThat(book.all()).hasSize(4);
        assertThat(atGraph).hasSize(4);
        assertThat(webhook.validations()).hasSize(8).containsOnly(WebhookUrls.CHANGES, WebhookUrls.LIFECYCLE);
        for (SyncKind kind : List.of(SyncKind.MESSAGES, SyncKind.EVENTS, SyncKind.CONTACTS, SyncKind.DRIVE)) {
            assertThat(book.covers(DEMO, kind)).as(kind.label()).isTrue();
        }
        assertThat(book.covers(SandboxTenant.DEMO2_ACCOUNT_ID, SyncKind.MESSAGES))
                .isFalse();
        for (JsonNode s : atGraph) {
            ActiveSubscription held = book.live(s.path("id").asText()).orElseThrow();
            assertThat(s.path("clientState").asText()).isEqualTo(held.clientState());
            assertThat(s.path("resource").asText()).isEqualTo(held.resource().path());
        }
    }

    @Test
    void check_everySubscriptionHeld_mailFoldersStillUncovered_soPollingKeepsFollowingThem() throws Exception {
        subscriptions.check(Set.of(DEMO));

        // Graph subscribes to messages, events, contacts and the drive root, never to the mail folder
        // collection: a folder added, renamed, moved or deleted elsewhere sends no notification.
        assertThat(book.all()).hasSize(4);
        assertThat(book.covers(DEMO, SyncKind.MAIL_FOLDERS)).isFalse();
    }

    @Test
    void check_again_createsNothingMore() throws Exception {
        subscriptions.check(Set.of(DEMO));
        int posts = posts();

        subscriptions.check(Set.of(DEMO));

        assertThat(posts()).isEqualTo(posts);
        assertThat(list()).hasSize(4);
    }

    @Test
    void check_renewalDue_patchesWithinGraphsMaximum() throws Exception {
        subscriptions.check(Set.of(DEMO));
        clock.advance(Duration.ofHours(57));
        subscriptions.check(Set.of(DEMO));
        assertThat(patches()).isZero();

        clock.advance(Duration.ofHours(1));
        subscriptions.check(Set.of(DEMO));

        assertThat(patches()).isEqualTo(4);
        assertThat(book.all())
                .allSatisfy(s ->
                        assertThat(s.expiration()).isEqualTo(clock.instant().plus(Duration.ofHours(70))));
    }

    @Test
    void check_accountNoLongerSignedIn_itsSubscriptionsDeleted() throws Exception {
        subscriptions.check(Set.of(DEMO));

        subscriptions.check(Set.of());

        assertThat(list()).isEmpty();
        assertThat(book.all()).isEmpty();
        assertThat(book.covers(DEMO, SyncKind.DRIVE)).isFalse();
    }

    @Test
    void lifecycle_subscriptionRemoved_recreatedWithANewStateAndMissedSignalled() throws Exception {
        subscriptions.check(Set.of(DEMO));
        ActiveSubscription contacts =
                book.find(DEMO, SubscriptionTarget.CONTACTS).orElseThrow();
        sandbox.send("DELETE", "/v1.0/subscriptions/" + contacts.id(), null, SandboxTenant.DEMO_TOKEN);

        subscriptions.lifecycle(contacts, "subscriptionRemoved");

        ActiveSubscription recreated =
                book.find(DEMO, SubscriptionTarget.CONTACTS).orElseThrow();
        assertThat(recreated.id()).isNotEqualTo(contacts.id());
        assertThat(recreated.clientState()).isNotEqualTo(contacts.clientState());
        assertThat(missed).containsExactly(DEMO + " contacts");
        assertThat(list()).hasSize(4);
    }

    @Test
    void lifecycle_reauthorizationRequired_reauthorizedAndRenewed() throws Exception {
        subscriptions.check(Set.of(DEMO));
        ActiveSubscription events = book.find(DEMO, SubscriptionTarget.EVENTS).orElseThrow();
        clock.advance(Duration.ofHours(1));

        subscriptions.lifecycle(events, "reauthorizationRequired");

        assertThat(sandbox.received("/v1.0/subscriptions/" + events.id() + "/reauthorize"))
                .hasSize(1);
        assertThat(book.live(events.id()).orElseThrow().expiration())
                .isEqualTo(clock.instant().plus(Duration.ofHours(70)));
        assertThat(missed).isEmpty();
    }

    @Test
    void check_handshakeRefused_notHeld_andRetriedOnlyAfterTheDelay() throws Exception {
        webhook.refuseValidation();
        subscriptions.check(Set.of(DEMO));
        int posts = posts();

        subscriptions.check(Set.of(DEMO));
        assertThat(posts()).isEqualTo(posts);
        clock.advance(Duration.ofMinutes(1));
        subscriptions.check(Set.of(DEMO));

        assertThat(book.all()).isEmpty();
        assertThat(posts).isEqualTo(4);
        assertThat(posts()).isEqualTo(8);
    }

    private JsonNode list() throws Exception {
        return JSON.readTree(sandbox.send("GET", "/v1.0/subscriptions", null, SandboxTenant.DEMO_TOKEN)
                        .body())
                .path("value");
    }

    private int posts() {
        return (int) sandbox.received("/v1.0/subscriptions").stream()
                .filter(r -> r.method().equals("POST"))
                .count();
    }

    private int patches() {
        return (int) sandbox.received().stream()
                .filter(r -> r.method().equals("PATCH") && r.path().startsWith("/v1.0/subscriptions/"))
                .count();
    }
}
