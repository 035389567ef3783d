package org.m365mcp.sync.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The clientState secrets: random, within Graph's 128 characters, and compared exactly. */
class ClientStatesTest {

    @Test
    void next_thousandStates_allDifferentUrlSafeAnd43Characters() {
        ClientStates states = new ClientStates();
        Set<String> seen = new HashSet<>();

        for (int i = 0; i < 1000; i++) {
            seen.add(states.next());
        }

        assertThat(seen).hasSize(1000).allSatisfy(s -> assertThat(s).matches("[A-Za-z0-9_-]{43}"));
    }

    @Test
    void matches_onlyTheSameText() {
        assertThat(ClientStates.matches("abc", "abc")).isTrue();
        assertThat(ClientStates.matches("abc", "abd")).isFalse();
        assertThat(ClientStates.matches("abc", "abcd")).isFalse();
        assertThat(ClientStates.matches("abc", null)).isFalse();
        assertThat(ClientStates.matches(null, null)).isFalse();
    }

    @Test
    void subscription_toString_neverShowsTheClientState() {
        ActiveSubscription s = new ActiveSubscription(
                "id-1", "demo", SubscriptionTarget.MESSAGES, "the-secret", java.time.Instant.EPOCH);

        assertThat(s.toString()).contains("id-1").doesNotContain("the-secret");
        assertThat(new ChangeNotification("id-1", "the-secret", "created", null, null).toString())
                .doesNotContain("the-secret");
    }
}
